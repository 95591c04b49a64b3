import { describe, expect, it } from 'vitest';
import { looksLikeHtml, matchesBaseline, matchExposure, redactLine } from '../../../../runner/src/scanner/rules/exposure-match.js';
import { exposureRule } from '../../../../runner/src/scanner/rules/exposures.js';
import { failure, response } from '../../../support/artifacts.js';

describe('redactLine', () => {
  it.each([
    ['DB_PASSWORD=hunter2', 'DB_PASSWORD=<redacted>'],
    ['export API_KEY = "abc"', 'export API_KEY =<redacted>'],
    ['//registry.npmjs.org/:_authToken=npm_123456', '//registry.npmjs.org/:_authToken=<redacted>'],
    ['admin:$apr1$xyz$abc', 'admin: <redacted>'],
    ["define( 'DB_PASSWORD', 'secret' );", "define( 'DB_PASSWORD', <redacted>);"],
    ['[core]', '[core]'],
  ])('hides the value of %s', (line, redacted) => {
    expect(redactLine(line)).toBe(redacted);
  });
});

describe('looksLikeHtml', () => {
  it('tells documents from text files', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('\n  <html lang="en">')).toBe(true);
    expect(looksLikeHtml('<div>x</div><body>')).toBe(true);
    expect(looksLikeHtml('APP_KEY=1\nB=2')).toBe(false);
  });
});

describe('matchExposure', () => {
  const env = exposureRule('env-file')!;

  it('needs every matcher: a text file with two variables is an environment file, an HTML page with the same text is not', () => {
    const text = 'APP_ENV=production\nDB_PASSWORD=hunter2\n';
    expect(matchExposure(env, response({ url: 'https://site.test/.env', headers: { 'content-type': 'text/plain' }, body: text }))).toEqual({ severity: 'critical', snippet: '"APP_ENV=<redacted>"' });
    expect(matchExposure(env, response({ url: 'https://site.test/.env', headers: { 'content-type': 'text/html' }, body: `<html><body>${text}</body></html>` }))).toBeUndefined();
    expect(matchExposure(env, response({ url: 'https://site.test/.env', status: 403, headers: { 'content-type': 'text/plain' }, body: text }))).toBeUndefined();
  });

  it('raises the severity when the file holds credentials, and never shows them', () => {
    const npmrc = exposureRule('npmrc')!;
    const plain = matchExposure(npmrc, response({ body: 'registry=https://registry.npmjs.org/\n' }));
    const token = matchExposure(npmrc, response({ body: 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=npm_s3cr3tT0ken\n' }));
    expect(plain?.severity).toBe('medium');
    expect(token).toMatchObject({ severity: 'critical', escalatedFor: 'a registry access token' });
    expect(token?.snippet).not.toContain('s3cr3t');
  });

  it('names the file signature for binary matches', () => {
    const zip = exposureRule('backup-archive')!;
    expect(matchExposure(zip, response({ status: 206, body: Buffer.from('504b030414000000', 'hex') }))?.snippet).toBe('starts with bytes 50 4b 03 04 (ZIP archive)');
  });
});

describe('matchesBaseline', () => {
  it('recognises the site\'s not-found answer even when it echoes the path or a request id', () => {
    const page = (path: string, id: number) => `<html><body><h1>Not here</h1><p>No page at ${path} (request ${id})</p></body></html>`;
    const baseline = [response({ url: 'https://site.test/issafesite-abc', body: page('/issafesite-abc', 17) }), failure('https://site.test/.issafesite-abc')];
    expect(matchesBaseline(response({ url: 'https://site.test/.git/HEAD', body: page('/.git/HEAD', 4242) }), baseline)).toBe(true);
    expect(matchesBaseline(response({ url: 'https://site.test/.git/HEAD', body: 'ref: refs/heads/main\n' }), baseline)).toBe(false);
    expect(matchesBaseline(response({ url: 'https://site.test/.git/HEAD', status: 404, body: page('/.git/HEAD', 1) }), baseline)).toBe(false);
  });

  it('treats a redirect to the same place as the random path\'s as the baseline', () => {
    const hop = (from: string) => [{ url: from, status: 302, location: '/', headers: {}, remoteAddress: '127.0.0.1' }];
    const baseline = [response({ url: 'https://site.test/', requestedUrl: 'https://site.test/issafesite-x', redirects: hop('https://site.test/issafesite-x'), body: 'home' })];
    expect(matchesBaseline(response({ url: 'https://site.test/', requestedUrl: 'https://site.test/.env', redirects: hop('https://site.test/.env'), body: 'home, different today' }), baseline)).toBe(true);
  });
});
