// `issafesite scan` as users run it: the bundled dist/cli.js in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardenedSite, startLeakySite, startWeakSite, type HardenedSite } from '../../fixtures/sites.js';
import { testCerts } from '../../support/certs.js';
import { parsePdf } from '../../support/pdf.js';
import { closedPort, type Fixture } from '../../support/fixture-server.js';

const CLI = path.resolve('dist/cli.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let weak: Fixture;
let hardened: HardenedSite;
let caFile: string;

beforeAll(async () => {
  const certs = await testCerts();
  caFile = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-cli-')), 'ca.pem');
  writeFileSync(caFile, certs.ca.cert);
  weak = await startWeakSite();
  hardened = await startHardenedSite(certs.valid);
});
afterAll(async () => {
  await weak?.close();
  await hardened?.close();
});

describe('issafesite scan (process)', () => {
  it('prints the result object alone on stdout with --json and exits 0', async () => {
    const { code, stdout, stderr } = await run(['scan', weak.url, '--depth', 'QUICK', '--allow-private', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ url: weak.url, depth: 'QUICK', grade: 'F' });
    expect(stderr).toContain(`Scanning ${weak.url} at QUICK depth`);
  });

  it('prints a readable summary with the grade, scores, evidence and fixes', async () => {
    const { code, stdout } = await run(['scan', weak.url, '--depth', 'QUICK', '--allow-private', '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Grade F {3}Overall \d+\/100/);
    expect(stdout).toContain('where: ');
    expect(stdout).toContain('evidence: ');
    expect(stdout).toContain('fix: ');
  });

  it('trusts a CA given with --ca and grades the hardened site A or better', async () => {
    const { code, stdout } = await run(['scan', hardened.https.url, '--depth', 'QUICK', '--allow-private', '--ca', caFile, '--json', '--quiet']);
    expect(code).toBe(0);
    expect(['A', 'A+']).toContain(JSON.parse(stdout).grade);
  });

  it('writes the PDF report with --pdf', async () => {
    const file = path.join(path.dirname(caFile), 'report.pdf');
    const { code, stderr } = await run(['scan', weak.url, '--depth', 'QUICK', '--allow-private', '--pdf', file]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/PDF report written to .*report\.pdf \(\d+ bytes\)/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await parsePdf(bytes);
    expect(text).toContain('127.0.0.1');
    expect(text).toContain('Grade');
  });

  it('reports a left-behind .git, an old jQuery and a broken link at STANDARD depth, and how the crawl ended', async () => {
    const leaky = await startLeakySite();
    try {
      const { code, stdout } = await run(['scan', leaky.url, '--depth', 'STANDARD', '--allow-private', '--quiet', '--max-pages', '10']);
      expect(code).toBe(0);
      expect(stdout).toContain('Crawl: 3 pages, every page found was scanned');
      expect(stdout).toMatch(/CRITICAL .*\[security\/exposed-files\]/);
      expect(stdout).toContain(`where: ${leaky.origin}/.git/HEAD`);
      expect(stdout).toMatch(/jQuery 1\.8\.3 has \d+ known vulnerabilities/);
      expect(stdout).toContain(`<a href="/team"> on ${leaky.origin}/about → GET ${leaky.origin}/team → 404`);
      expect(stdout).toMatch(/Grade [DF] /);
    } finally {
      await leaky.close();
    }
  });

  it('exits 1 with the reason when the target cannot be scanned', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await run(['scan', `http://127.0.0.1:${port}/`, '--allow-private', '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Could not scan http://127.0.0.1:${port}/: Connection refused`);
  });

  it('exits 1 when a private target is not allowed, saying so', async () => {
    const { code, stderr } = await run(['scan', weak.url, '--quiet']);
    expect(code).toBe(1);
    expect(stderr).toContain('private targets are not allowed');
  });

  it('exits 2 with a sentence for a usage error', async () => {
    const { code, stderr } = await run(['scan', 'not a url']);
    expect(code).toBe(2);
    expect(stderr).toContain('"not a url" is not a URL');
  });
});
