// One run of the action, start to end. Helpers throw; only the catch here fails the step.
import type { ArtifactClient } from '@actions/artifact';
import * as core from '@actions/core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultArtifactName, uploadReport, writeReportFile } from './github/artifact.js';
import { readRunContext } from './github/context.js';
import type { RunContext } from './github/context.js';
import { createOctokit } from './github/octokit.js';
import { publishToGitHub } from './github/publish.js';
import { toSarif, writeSarif } from './github/sarif.js';
import { writeFailureSummary, writeJobSummary } from './github/summary.js';
import { readSettings } from './inputs.js';
import type { Settings } from './inputs.js';
import { connectScanService } from './scan-service.js';
import type { ConnectScanService, ScanService } from './scan-service.js';
import type { ScanView } from './scan-view.js';
import { judge } from './threshold.js';
import { VERSION } from './version.js';
import { waitForUrl } from './wait-for-url.js';

export interface RunDependencies {
  connect: ConnectScanService;
  /** Defaults to @actions/artifact's client, which talks to the Actions results service. */
  artifacts?: ArtifactClient;
}

export async function run(deps: RunDependencies = { connect: connectScanService }): Promise<void> {
  let target: string | undefined;
  try {
    const settings = readSettings();
    target = settings.url;
    const ctx = readRunContext();
    const workDir = await mkdtemp(path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'issafesite-'));

    if (settings.waitForUrlSeconds > 0) {
      core.info(`Waiting up to ${settings.waitForUrlSeconds} s for ${settings.url} to answer`);
      await waitForUrl(settings.url, settings.waitForUrlSeconds * 1000, { onRetry: (why) => core.info(`Not yet (${why})`) });
    }

    core.info(`Scanning ${settings.url} (${settings.depth}, mode ${settings.mode})`);
    const { scan, previous, pdf } = await scanWith(deps.connect, settings, workDir);
    core.info(`Grade ${scan.grade}, overall score ${scan.overallScore}, ${scan.findingsCount} findings`);
    const verdict = judge(scan, settings.threshold);

    const reportPath = pdf ? await writeReportFile(workDir, artifactNameFor(settings, ctx, scan), pdf) : undefined;
    const report = reportPath ? await uploadOrWarn(reportPath, ctx, deps.artifacts) : undefined;
    const sarifPath = settings.sarifFile ? await writeSarif(settings.sarifFile, toSarif(scan, VERSION)) : undefined;

    const octokit = settings.githubToken ? createOctokit(settings.githubToken, ctx.apiUrl) : undefined;
    const results = { scan, previous, verdict, reportUrl: report?.url };
    const notes = await publishToGitHub(octokit, ctx, { comment: settings.comment, checkRun: settings.checkRun }, results);
    await writeJobSummary({ ...results, notes });

    setOutputs(scan, reportPath, sarifPath);
    if (!verdict.passed) throw new ThresholdError(verdict.message);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ThresholdError)) await writeFailureSummary(target, message).catch(() => undefined);
    core.setFailed(message);
  }
}

/** The scan worked but crossed fail-below or fail-on-severity; the summary already says so. */
class ThresholdError extends Error {}

async function scanWith(connect: ConnectScanService, settings: Settings, tempDir: string) {
  const deadline = Date.now() + settings.timeoutMinutes * 60_000;
  const service = await connect(settings, { tempDir });
  try {
    const scan = await service.runScan({ url: settings.url, depth: settings.depth }, deadline);
    const previous = await service.previousScan(scan);
    const pdf = settings.uploadReport ? await downloadOrWarn(service, scan) : undefined;
    return { scan, previous, pdf };
  } finally {
    await service.close();
  }
}

// Like an upload that fails, a report that cannot be had must not hide the grade: warn, publish the rest.
async function downloadOrWarn(service: ScanService, scan: ScanView): Promise<Uint8Array | undefined> {
  try {
    return await service.downloadReport(scan);
  } catch (error) {
    core.warning(error instanceof Error ? error.message : String(error));
    return undefined;
  }
}

function artifactNameFor(settings: Settings, ctx: RunContext, scan: ScanView): string {
  return settings.artifactName ?? defaultArtifactName({ url: scan.url, domain: scan.domain, job: ctx.job, runAttempt: ctx.runAttempt, matrix: settings.matrix });
}

// A report that cannot be uploaded must not hide the grade: warn, and let the comment and summary go out.
async function uploadOrWarn(file: string, ctx: RunContext, client?: ArtifactClient) {
  try {
    const report = await uploadReport(file, ctx, client);
    core.info(`Report uploaded as artifact ${report.name} (${report.size} bytes)`);
    return report;
  } catch (error) {
    core.warning(`The PDF report was not uploaded (${error instanceof Error ? error.message : String(error)}): it is still at ${file}; re-run the job, or set upload-report: false.`);
    return undefined;
  }
}

function setOutputs(scan: ScanView, reportPath: string | undefined, sarifPath: string | undefined): void {
  core.setOutput('scan-id', scan.id);
  core.setOutput('grade', scan.grade);
  core.setOutput('overall-score', scan.overallScore);
  core.setOutput('security-score', scan.securityScore);
  core.setOutput('seo-score', scan.seoScore);
  core.setOutput('traffic-score', scan.trafficScore);
  core.setOutput('findings-count', scan.findingsCount);
  core.setOutput('report-path', reportPath ?? '');
  core.setOutput('sarif-path', sarifPath ?? '');
}
