// The engine end to end over real HTTP(S) on 127.0.0.1: collect, every check, scoring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../../../runner/src/scanner/engine.js';
import { ScanError } from '../../../runner/src/scanner/errors.js';
import type { ScanResult } from '../../../runner/src/scanner/types.js';
import { startHardenedSite, startWeakSite, type HardenedSite } from '../../fixtures/sites.js';
import { testCerts } from '../../support/certs.js';
import { closedPort, type Fixture } from '../../support/fixture-server.js';

let hardened: HardenedSite;
let weak: Fixture;
let ca: string;

beforeAll(async () => {
  const certs = await testCerts();
  ca = certs.ca.cert;
  hardened = await startHardenedSite(certs.valid);
  weak = await startWeakSite();
});
afterAll(async () => {
  await hardened?.close();
  await weak?.close();
});

function titles(result: ScanResult): string[] {
  return result.findings.map((f) => `${f.severity} ${f.checkId}: ${f.title}`);
}

describe('scan', () => {
  it('grades a hardened site A or A+ with no finding above low', async () => {
    const result = await scan(hardened.https.url, { depth: 'QUICK', allowPrivateTargets: true, ca: [ca], httpUrl: hardened.http.url });
    expect(titles(result).filter((t) => !/^(low|info) /.test(t))).toEqual([]);
    expect(['A', 'A+']).toContain(result.grade);
    expect(result.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(result).toMatchObject({ url: hardened.https.url, domain: '127.0.0.1', depth: 'QUICK', pagesScanned: 1, scoringVersion: '1.0' });
  });

  it('grades a site with no protections F, with findings that name the header or cookie at fault', async () => {
    const result = await scan(weak.url, { depth: 'QUICK', allowPrivateTargets: true });
    expect(result.grade).toBe('F');
    const byCheck = new Map(result.findings.map((f) => [f.checkId, f]));
    expect(byCheck.get('x-content-type-options')?.location.header).toBe('X-Content-Type-Options');
    expect(result.findings.some((f) => f.evidence.includes('PHPSESSID'))).toBe(true);
    expect(result.findings.some((f) => f.evidence.includes('PHPSESSID=5d41402abc4b2a76b9719d911017c592'))).toBe(false);
    expect(result.findings.some((f) => f.evidence.includes('Apache/2.4.29'))).toBe(true);
    for (const f of result.findings) {
      expect(f.location.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(f.remediation.length).toBeGreaterThan(10);
    }
  });

  it('refuses a loopback target unless private targets are allowed', async () => {
    await expect(scan(weak.url, { depth: 'QUICK' })).rejects.toMatchObject({ name: 'ScanError', code: 'BLOCKED_ADDRESS' });
  });

  it('fails with a reason when nothing listens', async () => {
    const port = await closedPort();
    const error = await scan(`http://127.0.0.1:${port}/`, { depth: 'QUICK', allowPrivateTargets: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScanError);
    expect((error as ScanError).code).toBe('REFUSED');
  });

  it('fails with a DNS reason for a name that does not resolve', async () => {
    await expect(scan('https://nothing-here.invalid/', { depth: 'QUICK' })).rejects.toThrow('DNS lookup failed for nothing-here.invalid');
  });
});

describe('scan of a page that reflects any Origin with credentials', () => {
  it('reports the reflection found through the probe Origin the page request carries', async () => {
    const { startServer } = await import('../../support/fixture-server.js');
    const site = await startServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html',
        'access-control-allow-origin': String(req.headers.origin ?? 'https://app.example'),
        'access-control-allow-credentials': 'true',
      });
      res.end('<!doctype html><title>api</title>');
    });
    try {
      const result = await scan(site.url, { depth: 'QUICK', allowPrivateTargets: true });
      const finding = result.findings.find((f) => f.checkId === 'cors');
      expect(finding?.evidence).toContain('https://cors-probe.issafesite.invalid');
      expect(result.checks.find((c) => c.id === 'cors')?.outcome).toBe('cross-origin-resource-sharing-implemented-with-universal-access');
    } finally {
      await site.close();
    }
  });
});
