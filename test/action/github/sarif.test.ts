import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { toSarif, writeSarif } from '../../../src/github/sarif.js';
import { completedScan, finding, findings } from '../support/scans.js';

// The OASIS SARIF 2.1.0 schema (final, rtm.5) as @microsoft/jest-sarif ships it. It declares draft-04 but uses
// no keyword whose meaning changed since (no exclusiveMinimum/Maximum; `id` only at the root), so Ajv's
// default draft loads it once `id` is spelled `$id`.
const schemaFile = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
// unicodeRegExp off: the schema's `language` pattern has a stray "]" that only a non-unicode RegExp accepts.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validate = ajv.compile({ ...schema, $id: String(id) });

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
  expect(ok).toBe(true);
}

test('the schema refuses what code scanning would refuse', () => {
  expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  expect(validate({ version: '2.0.0', runs: [] })).toBe(false);
});

test('a scan with findings of every severity is valid SARIF 2.1.0', () => {
  expectValid(toSarif(completedScan({ findings: findings(40) }), '0.1.0'));
});

test('a scan without findings is valid SARIF with no results', () => {
  const log = toSarif(completedScan({ findings: [] }), '0.1.0');
  expectValid(log);
  expect(log.runs[0]!.results).toEqual([]);
});

test('one rule per check id, described by its most severe finding', () => {
  const log = toSarif(
    completedScan({
      findings: [
        finding({ checkId: 'cookie-secure', severity: 'low' }),
        finding({ checkId: 'csp', severity: 'medium' }),
        finding({ checkId: 'cookie-secure', severity: 'high', title: 'Session cookie without Secure' }),
      ],
    }),
    '0.1.0',
  );
  const { rules } = log.runs[0]!.tool.driver;
  expect(rules.map((r) => r.id)).toEqual(['cookie-secure', 'csp']);
  expect(rules[0]).toMatchObject({ name: 'CookieSecure', shortDescription: { text: 'Session cookie without Secure' }, defaultConfiguration: { level: 'error' } });
  expect(rules[0]!.properties['security-severity']).toBe('8.0');
  expect(log.runs[0]!.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
    ['cookie-secure', 0, 'note'],
    ['csp', 1, 'warning'],
    ['cookie-secure', 0, 'error'],
  ]);
});

test('results are located at the URL that shows them, with a line when there is one', () => {
  const log = toSarif(completedScan({ findings: [finding({ location: { url: 'https://preview.example.com/app.js', line: 12 } })] }), '0.1.0');
  expect(log.runs[0]!.results[0]!.locations).toEqual([
    { physicalLocation: { artifactLocation: { uri: 'https://preview.example.com/app.js' }, region: { startLine: 12 } } },
  ]);
  expectValid(log);
});

test('fingerprints are stable across runs and differ between findings', () => {
  const a = toSarif(completedScan({ findings: findings(3) }), '0.1.0').runs[0]!.results;
  const b = toSarif(completedScan({ findings: findings(3) }), '0.2.0').runs[0]!.results;
  expect(a.map((r) => r.partialFingerprints)).toEqual(b.map((r) => r.partialFingerprints));
  expect(new Set(a.map((r) => r.partialFingerprints['issafesiteFinding/v1'])).size).toBe(3);
});

test('SEO and traffic rules carry no security-severity', () => {
  const log = toSarif(completedScan({ findings: [finding({ checkId: 'title', category: 'seo', severity: 'high' })] }), '0.1.0');
  expect(log.runs[0]!.tool.driver.rules[0]!.properties).toEqual({ tags: ['seo'] });
});

test('writeSarif creates the folders and writes the log as JSON', async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'issafesite-sarif-')), 'out', 'scan.sarif');
  const written = await writeSarif(file, toSarif(completedScan(), '0.1.0'));
  expect(written).toBe(file);
  expectValid(JSON.parse(readFileSync(file, 'utf8')));
});
