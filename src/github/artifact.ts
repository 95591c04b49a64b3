// The PDF report as a workflow artifact. With skipArchive @actions/artifact uploads the one file unzipped and
// names the artifact after the file, so the file carries the artifact's name.
import { DefaultArtifactClient } from '@actions/artifact';
import type { ArtifactClient } from '@actions/artifact';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from './context.js';

export interface UploadedReport {
  id: number;
  name: string;
  size: number;
  url: string;
}

/**
 * A name no other upload of the run uses: GitHub answers 409 to a second artifact of the same name in one run,
 * and every leg of a matrix runs the same job id. The hash covers the target URL and the leg's matrix values;
 * the attempt keeps a re-run from meeting the first attempt's artifact.
 */
export function defaultArtifactName(input: { url: string; domain: string; job: string; runAttempt: string; matrix?: string }): string {
  const matrix = input.matrix && input.matrix !== 'null' && input.matrix !== '{}' ? input.matrix : '';
  const hash = createHash('sha256').update(`${input.url}\n${matrix}`).digest('hex').slice(0, 8);
  return ['issafesite-report', safe(input.domain), safe(input.job), hash, input.runAttempt].join('-');
}

/** Writes the PDF as `<dir>/<name>.pdf` and returns its path. */
export async function writeReportFile(dir: string, artifactName: string, pdf: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, artifactName.toLowerCase().endsWith('.pdf') ? artifactName : `${artifactName}.pdf`);
  await writeFile(file, pdf);
  return file;
}

export async function uploadReport(file: string, ctx: RunContext, client: ArtifactClient = new DefaultArtifactClient()): Promise<UploadedReport> {
  const name = path.basename(file);
  const { id, size } = await client.uploadArtifact(name, [file], path.dirname(file), { skipArchive: true });
  if (id === undefined) throw new Error(`Uploading the report ${name} returned no artifact id: re-run the job; if it persists, set upload-report: false.`);
  return { id, name, size: size ?? 0, url: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}/artifacts/${id}` };
}

// Artifact names refuse " : < > | * ? \ / and line breaks; a domain may hold a port ("localhost:3000").
function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}
