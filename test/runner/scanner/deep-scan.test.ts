// What STANDARD is for (issue: "a left-behind .git, an old jQuery and a broken link"): one scan through the
// engine, with the crawl and the probes, finds all three with evidence; the same scan of a site that answers
// 200 with the same page for every path finds no exposed file.
import { afterEach, describe, expect, it } from 'vitest';
import { allChecks } from '../../../runner/src/scanner/checks/index.js';
import { scan } from '../../../runner/src/scanner/engine.js';
import { startLeakySite } from '../../fixtures/sites.js';
import { startServer, type Fixture } from '../../support/fixture-server.js';

const open: Fixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const catalog = allChecks;
const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><title>${title}</title><script src="/js/jquery-1.8.3.min.js"></script></head><body><h1>${title}</h1>${body}</body></html>`;

describe('STANDARD scan', () => {
  it('finds a left-behind .git, an old jQuery and a broken link, each with evidence', async () => {
    const site = await startLeakySite();
    open.push(site);
    const result = await scan(site.url, { depth: 'STANDARD', allowPrivateTargets: true, catalog, maxPages: 10, crawlTimeoutMs: 10_000 });

    expect(result.pagesScanned).toBe(3);
    const git = result.findings.filter((f) => f.checkId === 'exposed-files');
    expect(git.map((f) => f.location.url).sort()).toEqual([`${site.origin}/.git/HEAD`, `${site.origin}/.git/config`]);
    expect(git[0]!.severity).toBe('critical');
    expect(git.find((f) => f.location.url.endsWith('HEAD'))!.evidence).toContain('"ref: refs/heads/main"');

    const jquery = result.findings.find((f) => f.checkId === 'vulnerable-libraries');
    expect(jquery?.title).toMatch(/^jQuery 1\.8\.3 has \d+ known vulnerabilities$/);
    expect(jquery?.description).toContain('CVE-2020-11022');
    expect(jquery?.evidence).toContain('/*! jQuery v1.8.3');
    expect(jquery?.remediation).toContain('3.5.0');

    const broken = result.findings.find((f) => f.checkId === 'broken-links');
    expect(broken?.evidence).toBe(`<a href="/team"> on ${site.origin}/about → GET ${site.origin}/team → 404`);
    expect(broken?.location).toEqual({ url: `${site.origin}/about`, selector: '[href="/team"]' });
  });

  it('reports no exposed file on a site that answers 200 with the same page for every path', async () => {
    const spa = page('App', '<a href="/pricing">Pricing</a><div id="root"></div>');
    const site = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(spa);
    });
    open.push(site);
    const result = await scan(site.url, { depth: 'STANDARD', allowPrivateTargets: true, catalog, maxPages: 5, crawlTimeoutMs: 10_000 });

    expect(site.requests.some((r) => r.url === '/.git/HEAD')).toBe(true);
    expect(site.requests.some((r) => r.url === '/.env')).toBe(true);
    expect(result.findings.filter((f) => f.checkId === 'exposed-files' || f.checkId === 'directory-listing')).toEqual([]);
    expect(result.checks.find((c) => c.id === 'exposed-files')).toMatchObject({ status: 'pass', outcome: 'exposed-files-none-soft-404' });
  });
});
