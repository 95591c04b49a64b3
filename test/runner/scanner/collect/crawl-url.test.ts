import { describe, expect, it } from 'vitest';
import { looksNonHtml, pageKey, pathUrl, resolveLink } from '../../../../runner/src/scanner/collect/crawl-url.js';

describe('resolveLink', () => {
  it('resolves against the base and drops the fragment', () => {
    expect(resolveLink('b#top', 'http://site.test/a/')?.href).toBe('http://site.test/a/b');
  });

  it('reads //host/path in an href as protocol-relative, as browsers do', () => {
    expect(resolveLink('//cdn.test/x.js', 'https://site.test/')?.href).toBe('https://cdn.test/x.js');
  });

  it('keeps a path that starts with // a path of the same host', () => {
    expect(resolveLink('/.//admin', 'http://site.test/')?.href).toBe('http://site.test//admin');
  });

  it.each(['mailto:a@site.test', 'javascript:void(0)', 'tel:+1', 'data:text/html,x', '#section', '', 'http://user:pw@site.test/'])('ignores %j', (href) => {
    expect(resolveLink(href, 'http://site.test/')).toBeUndefined();
  });
});

describe('pageKey', () => {
  it('gives one key to the forms of one page: host case, default port, trailing slash, empty query', () => {
    const keys = ['http://Site.test:80/about/', 'http://site.test/about', 'http://site.test/about?', 'http://site.test/about//'].map((u) => pageKey(new URL(u)));
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps what makes a different page: scheme, port, query', () => {
    const keys = ['http://site.test/a', 'https://site.test/a', 'http://site.test:8080/a', 'http://site.test/a?page=2'].map((u) => pageKey(new URL(u)));
    expect(new Set(keys).size).toBe(4);
    expect(pageKey(new URL('http://site.test/'))).toBe('http://site.test/');
  });
});

describe('pathUrl', () => {
  it('never reads a path as a host', () => {
    expect(pathUrl('http://site.test', '//evil.test/x').href).toBe('http://site.test//evil.test/x');
    expect(pathUrl(new URL('http://site.test/deep/page'), '/.env?x=1').href).toBe('http://site.test/.env?x=1');
  });
});

describe('looksNonHtml', () => {
  it('knows documents from files by extension', () => {
    expect(looksNonHtml(new URL('http://site.test/report.PDF'))).toBe(true);
    expect(looksNonHtml(new URL('http://site.test/img/logo.svg'))).toBe(true);
    expect(looksNonHtml(new URL('http://site.test/about'))).toBe(false);
    expect(looksNonHtml(new URL('http://site.test/index.html'))).toBe(false);
    expect(looksNonHtml(new URL('http://site.test/page.php'))).toBe(false);
  });
});
