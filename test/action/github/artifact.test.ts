import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { defaultArtifactName, uploadReport, writeReportFile } from '../../../src/github/artifact.js';
import type { RunContext } from '../../../src/github/context.js';
import { startFakeArtifactService } from '../support/fake-artifacts.js';
import type { FakeArtifactService } from '../support/fake-artifacts.js';

let service: FakeArtifactService;
beforeAll(async () => {
  service = await startFakeArtifactService();
});
afterAll(() => service.close());
beforeEach(() => {
  vi.stubEnv('ACTIONS_RUNTIME_TOKEN', service.token);
  vi.stubEnv('ACTIONS_RESULTS_URL', `${service.url}/`);
  vi.stubEnv('GITHUB_SERVER_URL', 'https://github.com');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  expect(service.violations).toEqual([]);
  service.violations.length = 0;
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const ctx = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', runId: '42' } as RunContext;
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000), Buffer.from('\n%%EOF\n')]);

test('uploads the PDF unzipped under the file name, and links the artifact in the run', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'issafesite-artifact-'));
  const file = await writeReportFile(dir, 'issafesite-report-preview.example.com-scan-1a2b3c4d-1', pdf);
  const uploaded = await uploadReport(file, ctx);

  expect(uploaded.name).toBe('issafesite-report-preview.example.com-scan-1a2b3c4d-1.pdf');
  expect(uploaded.url).toBe(`https://github.com/acme/shop/actions/runs/42/artifacts/${uploaded.id}`);
  const stored = service.artifacts.find((a) => a.id === uploaded.id)!;
  expect(stored).toMatchObject({ finalized: true, mimeType: 'application/pdf', name: uploaded.name });
  expect(stored.bytes!.equals(pdf)).toBe(true);
});

test('a name already used in the run is refused by the service (409), which is why the default name is unique', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'issafesite-artifact-'));
  const file = await writeReportFile(dir, 'same-name', pdf);
  await uploadReport(file, ctx);
  await expect(uploadReport(file, ctx)).rejects.toThrow(/409/);
});

test('default names differ across matrix legs, target URLs, jobs and attempts', () => {
  const base = { url: 'https://preview.example.com/', domain: 'preview.example.com', job: 'scan', runAttempt: '1', matrix: '{"node":20}' };
  const names = new Set([
    defaultArtifactName(base),
    defaultArtifactName({ ...base, matrix: '{"node":22}' }),
    defaultArtifactName({ ...base, url: 'https://preview.example.com/shop' }),
    defaultArtifactName({ ...base, job: 'scan-staging' }),
    defaultArtifactName({ ...base, runAttempt: '2' }),
  ]);
  expect(names.size).toBe(5);
  expect(defaultArtifactName(base)).toMatch(/^issafesite-report-preview\.example\.com-scan-[0-9a-f]{8}-1$/);
});

test('a default name holds only characters an artifact name allows', () => {
  const name = defaultArtifactName({ url: 'http://localhost:3000/', domain: 'localhost:3000', job: 'e2e', runAttempt: '1', matrix: 'null' });
  expect(name).toMatch(/^issafesite-report-localhost-3000-e2e-[0-9a-f]{8}-1$/);
});
