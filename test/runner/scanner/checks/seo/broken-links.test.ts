import { afterEach, describe, expect, it } from 'vitest';
import { brokenLinks, MAX_BROKEN_FINDINGS } from '../../../../../runner/src/scanner/checks/seo/broken-links.js';
import type { LinkCheck } from '../../../../../runner/src/scanner/types.js';
import { artifacts } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

describe('broken-links', () => {
  it('finds internal links that answer 404 or 500, naming the page, the link and the answer', async () => {
    const { findings, site } = await checkSite(brokenLinks, {
      '/': html('<a href="/about">About</a> <a href="/old-page">Old</a> <a href="/files/report.pdf">Report</a>'),
      '/about': html('<a href="/old-page">Old again</a> <a href="/crash">Crash</a>'),
      '/crash': { status: 500, body: 'boom' },
    });
    expect(findings.map((f) => f.evidence)).toEqual([
      `<a href="/old-page"> on ${site.url} → GET ${site.origin}/old-page → 404; also linked from ${site.origin}/about`,
      `<a href="/files/report.pdf"> on ${site.url} → HEAD ${site.origin}/files/report.pdf → 404`,
      `<a href="/crash"> on ${site.origin}/about → GET ${site.origin}/crash → 500`,
    ]);
    expect(findings[0]).toMatchObject({ severity: 'medium', location: { url: site.url, selector: '[href="/old-page"]' } });
    expect(findings[0]!.remediation).toContain('and the 1 other page');
  });

  it('finds nothing when every link works, or on a soft-404 site', async () => {
    expect((await checkSite(brokenLinks, { '/': html('<a href="/a">A</a>'), '/a': html('<a href="/">Home</a>') })).findings).toEqual([]);
    expect((await checkSite(brokenLinks, soft404(html('<a href="/anything">x</a>')))).outcome).toBe('broken-links-none');
  });

  const link = (over: Partial<LinkCheck>): LinkCheck => ({ url: 'https://site.test/x', sources: [{ page: 'https://site.test/', href: '/x' }], inSitemap: false, method: 'GET', ...over });

  it('rates pages behind a login lower, and leaves out throttling, unchecked links and sitemap-only URLs', () => {
    const { findings } = brokenLinks.run(
      artifacts({
        links: [
          link({ url: 'https://site.test/account', status: 403 }),
          link({ status: 429 }),
          link({ unchecked: 'budget' }),
          link({ status: 404, sources: [], inSitemap: true }),
          link({ url: 'https://site.test/slow', error: 'TIMEOUT: Timed out: no response' }),
        ],
      }),
    );
    expect(findings.map((f) => [f.severity, f.title])).toEqual([
      ['low', 'A link leads to a page that refuses access (403)'],
      ['medium', 'A broken link: https://site.test/slow answers nothing'],
    ]);
  });

  it('sums up beyond the first findings', () => {
    const links = Array.from({ length: MAX_BROKEN_FINDINGS + 5 }, (_, i) => link({ url: `https://site.test/${i}`, status: 404 }));
    const { findings } = brokenLinks.run(artifacts({ links }));
    expect(findings).toHaveLength(MAX_BROKEN_FINDINGS + 1);
    expect(findings.at(-1)!.title).toBe('5 more broken internal links');
  });
});
