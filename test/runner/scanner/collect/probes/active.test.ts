import { describe, expect, it } from 'vitest';
import { MALFORMED_VALUE, plannedProbes, REDIRECT_PARAMS } from '../../../../../runner/src/scanner/collect/probes/active.js';
import { baselinePaths } from '../../../../../runner/src/scanner/collect/probes/not-found.js';
import type { LinkCheck } from '../../../../../runner/src/scanner/types.js';

const link = (url: string, status = 200): LinkCheck => ({ url, status, sources: [], inSitemap: false });

describe('plannedProbes', () => {
  const probes = plannedProbes('https://site.test/', [link('https://site.test/search?q=shoes&page=2'), link('https://site.test/login?next=/account'), link('https://site.test/gone?x=1', 404), link('https://other.test/?q=1')]);

  it('only uses GET, OPTIONS and TRACE, and only the site\'s own origin', () => {
    expect(new Set(probes.map((p) => p.method))).toEqual(new Set(['GET', 'OPTIONS', 'TRACE']));
    expect(probes.every((p) => p.url.startsWith('https://site.test/'))).toBe(true);
  });

  it('sends redirect targets and origins under .invalid, which never resolves', () => {
    for (const p of probes.filter((x) => x.kind === 'open-redirect' || x.kind === 'cors-origin')) expect(p.marker).toMatch(/^(https:\/\/)?issafesite-[\w-]+\.invalid$/);
  });

  it('tries every common redirect parameter on the target and on crawled URLs that answered 200 with a query', () => {
    const on = (path: string) => probes.filter((p) => p.kind === 'open-redirect' && new URL(p.url).pathname === path).map((p) => p.param);
    expect(on('/')).toEqual(REDIRECT_PARAMS);
    expect(on('/login')).toEqual(REDIRECT_PARAMS);
    expect(on('/gone')).toEqual([]);
  });

  it('reflects a harmless marker and sends malformed values in the parameters a page already takes', () => {
    const search = probes.filter((p) => new URL(p.url).pathname === '/search');
    expect(search.filter((p) => p.kind === 'reflected-input').map((p) => p.param)).toEqual(['q', 'page']);
    expect(search.filter((p) => p.kind === 'error-input').map((p) => new URL(p.url).searchParams.get(p.param!))).toEqual([MALFORMED_VALUE, MALFORMED_VALUE]);
    const marker = probes.find((p) => p.kind === 'reflected-input')!.marker!;
    expect(marker).toMatch(/^isf[0-9a-f]+"'<isf[0-9a-f]+>$/);
  });
});

describe('baselinePaths', () => {
  it('asks for a plain path, a dotfile and a file with an extension, all random', () => {
    expect(baselinePaths('abc')).toEqual(['/issafesite-abc', '/.issafesite-abc', '/issafesite-abc.bak']);
    expect(baselinePaths()).not.toEqual(baselinePaths());
  });
});
