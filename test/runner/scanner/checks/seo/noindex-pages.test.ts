import { afterEach, describe, expect, it } from 'vitest';
import { noindexPages } from '../../../../../runner/src/scanner/checks/seo/noindex-pages.js';
import { checkSite, closeSites, html } from '../../../../support/collect-site.js';

afterEach(closeSites);

describe('noindex-pages', () => {
  it('lists the crawled pages marked noindex, by meta tag or header', async () => {
    const { findings, site } = await checkSite(noindexPages, {
      '/': html('<a href="/login">Login</a><a href="/thanks">Thanks</a><a href="/about">About</a>'),
      '/login': html('', '<meta name="robots" content="noindex, nofollow">'),
      '/thanks': { headers: { 'content-type': 'text/html', 'x-robots-tag': 'noindex' }, body: html('') },
      '/about': html(''),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', title: '2 crawled pages are marked noindex' });
    expect(findings[0]!.evidence).toBe(`${site.origin}/login (<meta name="robots" content="noindex, nofollow">); ${site.origin}/thanks (X-Robots-Tag: noindex)`);
  });

  it('finds nothing when every page may be indexed', async () => {
    expect((await checkSite(noindexPages, { '/': html('<a href="/a">A</a>'), '/a': html('') })).outcome).toBe('noindex-pages-none');
  });
});
