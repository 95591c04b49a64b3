// SARIF 2.1.0 (OASIS), the format code scanning takes: one rule per check id, one result per finding, located
// at the URL that shows it. Written when the sarif-file input is set.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bySeverity } from '../scan-view.js';
import type { FindingView, ScanView, Severity } from '../scan-view.js';

type Level = 'error' | 'warning' | 'note';

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
  automationDetails: { id: string };
  results: SarifResult[];
}

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; 'security-severity'?: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: Level;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  properties: { severity: Severity; category: string; header?: string; selector?: string };
}

const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

// Code scanning ranks security alerts by `security-severity`: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
// 0.1–3.9 low (GitHub docs, "SARIF support for code scanning"). Info findings get none.
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };

export function toSarif(scan: ScanView, toolVersion: string): SarifLog {
  const byCheck = new Map<string, FindingView[]>();
  for (const f of scan.findings) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
  // A rule is described by its most severe finding, so its default level is the worst the scan saw.
  const rules = [...byCheck.values()].map((findings) => rule(bySeverity(findings)[0]!));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'IsSafeSite', version: toolVersion, informationUri: 'https://issafesite.com', rules } },
        // One category per target, so scans of two URLs in one repository do not close each other's alerts.
        automationDetails: { id: `issafesite/${scan.domain}/${fingerprint([scan.url]).slice(0, 8)}` },
        results: scan.findings.map((f) => result(f, ruleIndex.get(f.checkId) ?? 0)),
      },
    ],
  };
}

export async function writeSarif(file: string, log: SarifLog): Promise<string> {
  const target = path.resolve(file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify(log, null, 2)}\n`);
  return target;
}

function rule(f: FindingView): SarifRule {
  const helpUri = f.references.find((r) => URL.canParse(r));
  const score = f.category === 'security' ? SECURITY_SEVERITY[f.severity] : undefined;
  return {
    id: f.checkId,
    name: f.checkId.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: f.title },
    fullDescription: { text: f.description || f.title },
    help: {
      text: f.remediation || f.description || f.title,
      markdown: [f.remediation, ...f.references.map((u) => `- ${u}`)].filter(Boolean).join('\n\n') || f.title,
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: f.category === 'security' ? ['security'] : [f.category], ...(score ? { 'security-severity': score } : {}) },
  };
}

function result(f: FindingView, index: number): SarifResult {
  const { url, header, selector, line } = f.location;
  return {
    ruleId: f.checkId,
    ruleIndex: index,
    level: LEVEL[f.severity],
    message: { text: f.evidence ? `${f.title}: ${f.evidence}` : f.title },
    locations: [{ physicalLocation: { artifactLocation: { uri: url }, ...(line ? { region: { startLine: line } } : {}) } }],
    // Stable across runs, so code scanning tracks one alert instead of opening a new one every scan.
    partialFingerprints: { 'issafesiteFinding/v1': fingerprint([f.checkId, url, header ?? '', selector ?? '', f.evidence]) },
    properties: { severity: f.severity, category: f.category, ...(header ? { header } : {}), ...(selector ? { selector } : {}) },
  };
}

function fingerprint(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}
