import { describe, expect, it } from 'vitest';
import { cacheHeaders } from '../../../../../runner/src/scanner/checks/traffic/cache-headers.js';
import { freshness, isFingerprinted, parseCacheControl } from '../../../../../runner/src/scanner/checks/traffic/cache-control.js';
import { artifacts, response } from '../../../../support/artifacts.js';

const asset = (path: string, headers: Record<string, string> = {}, type = 'application/javascript') =>
  response({ url: `https://site.test${path}`, headers: { 'content-type': type, ...headers } });
const run = (...resources: ReturnType<typeof asset>[]) => cacheHeaders.run(artifacts({ resources }));
const YEAR = 'public, max-age=31536000, immutable';

describe('cache-headers', () => {
  it('passes fingerprinted assets cached for a year and other assets with any max-age', () => {
    expect(run(asset('/assets/index-BkX9q2Lz.js', { 'cache-control': YEAR }), asset('/logo.png', { 'cache-control': 'max-age=0, must-revalidate' }, 'image/png'))).toEqual({ outcome: 'cache-headers-ok', findings: [] });
  });

  it('accepts a future Expires header as a policy', () => {
    expect(run(asset('/a.css', { expires: 'Thu, 02 Jul 2026 00:00:00 GMT', date: 'Mon, 01 Jun 2026 00:00:00 GMT' }, 'text/css')).outcome).toBe('cache-headers-ok');
  });

  it('reports assets without Cache-Control or with no-store as low, with the header lines', () => {
    const r = run(asset('/app.js'), asset('/font.woff2', { 'cache-control': 'no-store' }, 'font/woff2'), asset('/ok.css', { 'cache-control': 'max-age=600' }, 'text/css'));
    expect(r.outcome).toBe('cache-headers-missing');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      severity: 'low',
      title: '2 static assets have no caching policy',
      evidence: 'https://site.test/app.js — no Cache-Control or Expires; https://site.test/font.woff2 — Cache-Control: no-store',
      location: { url: 'https://site.test/app.js', header: 'Cache-Control' },
    });
  });

  it('reports fingerprinted assets that expire within a day as low', () => {
    const r = run(asset('/main.3f2a9c1b.js', { 'cache-control': 'max-age=3600' }), asset('/style.css?ver=6.4.2', { 'cache-control': 'no-cache' }, 'text/css'));
    expect(r.outcome).toBe('cache-headers-short');
    expect(r.findings[0]).toMatchObject({ severity: 'low', title: '2 fingerprinted assets expire within a day' });
  });

  it('judges scripts, stylesheets, images and fonts only, never the page or data', () => {
    const json = response({ url: 'https://site.test/api.json', headers: { 'content-type': 'application/json' } });
    expect(cacheHeaders.run(artifacts({ resources: [json] })).notApplicable).toBeDefined();
    expect(run(asset('/photo.webp', {}, '')).outcome).toBe('cache-headers-missing');
  });

  it('is not applicable without static assets', () => {
    expect(cacheHeaders.run(artifacts()).notApplicable).toBe('No static assets (scripts, stylesheets, images, fonts) were fetched.');
  });

  it.each([
    ['https://s.test/_next/static/chunks/main-a1b2c3d4e5f6a7b8.js', true],
    ['https://s.test/assets/index-BkX9q2Lz.js', true],
    ['https://s.test/app.3f2a9c1b.css', true],
    ['https://s.test/style.css?v=3', true],
    ['https://s.test/jquery-3.7.1.min.js', false],
    ['https://s.test/analytics2024.js', false],
    ['https://s.test/bootstrap.min.css', false],
    ['https://s.test/deadbeefcafe.js', false],
  ])('tells whether %s is fingerprinted (%s)', (url, expected) => {
    expect(isFingerprinted(url)).toBe(expected);
  });

  it('reads lifetimes as a browser cache does', () => {
    const now = Date.UTC(2026, 5, 1);
    const f = (headers: Record<string, string>) => freshness(response({ headers }), now).lifetime;
    expect(f({ 'cache-control': 'public, max-age=600' })).toBe(600);
    expect(f({ 'cache-control': 'no-cache, max-age=600' })).toBe(0);
    expect(f({ 'cache-control': 's-maxage=600' })).toBeUndefined();
    expect(f({ expires: '0' })).toBe(0);
    expect(f({ expires: new Date(now + 60_000).toUTCString() })).toBe(60);
    expect([...parseCacheControl('Max-Age="60", Immutable')]).toEqual([['max-age', '60'], ['immutable', '']]);
  });
});
