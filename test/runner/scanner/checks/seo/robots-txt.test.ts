import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../../../runner/src/scanner/checks/seo/robots-txt.js';
import { robotsSyntaxErrors } from '../../../../../runner/src/scanner/checks/seo/robots-rules.js';
import { artifacts, failure, htmlPage, doc, response } from '../../../../support/artifacts.js';

const ROBOTS = 'https://site.test/robots.txt';
const served = (body: string, status = 200, contentType = 'text/plain') =>
  robotsTxt.run(artifacts({ robotsTxt: response({ url: ROBOTS, status, body, headers: { 'content-type': contentType } }) }));

describe('robots-txt', () => {
  it('passes rules that leave the site crawlable', () => {
    expect(served('User-agent: *\nDisallow: /admin/\nAllow: /\n\nSitemap: https://site.test/sitemap.xml\n')).toEqual({ outcome: 'robots-txt-ok', findings: [] });
  });

  it('passes an empty robots.txt (no rules at all) and an empty Disallow, which allows everything', () => {
    expect(served('').outcome).toBe('robots-txt-ok');
    expect(served('User-agent: *\nDisallow:\n')).toEqual({ outcome: 'robots-txt-ok', findings: [] });
  });

  it('reports Disallow: / for every crawler as high, with the rule line as evidence and location', () => {
    const r = served('# staging\nUser-agent: *\nDisallow: /\n');
    expect(r.outcome).toBe('robots-txt-blocks-all');
    expect(r.findings).toMatchObject([{ severity: 'high', evidence: `${ROBOTS} line 3: Disallow: /`, location: { url: ROBOTS, line: 3 } }]);
  });

  it('reports a site blocked for Googlebot only as high', () => {
    const r = served('User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nAllow: /\n');
    expect(r.findings[0]).toMatchObject({ severity: 'high', title: expect.stringContaining('Googlebot') });
  });

  it('does not call a rule that only blocks the homepage URL a block of the whole site', () => {
    const r = robotsTxt.run(artifacts({ page: htmlPage(doc(''), { url: 'https://site.test/docs/' }), robotsTxt: response({ url: ROBOTS, body: 'User-agent: *\nDisallow: /$\n' }) }));
    expect(r.outcome).toBe('robots-txt-ok');
  });

  it('reports rules that block the scanned page as medium', () => {
    const page = htmlPage(doc(''), { url: 'https://site.test/app/home' });
    const r = robotsTxt.run(artifacts({ page, robotsTxt: response({ url: ROBOTS, body: 'User-agent: *\nDisallow: /app\n' }) }));
    expect(r).toMatchObject({ outcome: 'robots-txt-blocks-page', findings: [{ severity: 'medium', location: { line: 2 } }] });
  });

  it('reports a 404 as a missing robots.txt (low)', () => {
    expect(served('Not found', 404)).toMatchObject({ outcome: 'robots-txt-missing', findings: [{ severity: 'low', evidence: `GET ${ROBOTS} → 404` }] });
  });

  it.each([500, 503, 429])('reports status %i as medium, since Google then stops crawling', (status) => {
    expect(served('', status)).toMatchObject({ outcome: 'robots-txt-server-error', findings: [{ severity: 'medium' }] });
  });

  it('reports a fetch that got no answer as medium', () => {
    const r = robotsTxt.run(artifacts({ robotsTxt: failure(ROBOTS) }));
    expect(r.outcome).toBe('robots-txt-unreachable');
    expect(r.findings[0]!.evidence).toContain('TIMEOUT');
  });

  it('reports an HTML page served as robots.txt as low', () => {
    expect(served('<!doctype html><html><body>App</body></html>', 200, 'text/html').outcome).toBe('robots-txt-html');
    expect(served('<html><body>App</body></html>', 200, 'text/plain').outcome).toBe('robots-txt-html');
  });

  it('reports lines crawlers cannot use as low, with their numbers', () => {
    const r = served('Disallow: /early\nUser-agent: *\nDisalow: /private\nDisallow: private\n');
    expect(r.outcome).toBe('robots-txt-syntax-errors');
    expect(r.findings[0]).toMatchObject({ severity: 'low', location: { line: 1 } });
    expect(r.findings[0]!.evidence).toContain('line 3: Disalow: /private (unknown directive "disalow")');
  });

  it('ignores a byte order mark at the start', () => {
    expect(served('\uFEFFUser-agent: *\nDisallow: /\n').outcome).toBe('robots-txt-blocks-all');
  });

  it('is not applicable when robots.txt was not fetched', () => {
    expect(robotsTxt.run(artifacts()).notApplicable).toBeDefined();
  });

  it('finds each kind of syntax error', () => {
    const problems = robotsSyntaxErrors('User-agent:\nDisallow /x\nSitemap: /sitemap.xml\n# only a comment\nCrawl-delay: 5\n').map((e) => e.problem);
    expect(problems).toEqual(['empty user-agent', 'not a "name: value" line', 'sitemap is not an absolute http(s) URL']);
  });
});
