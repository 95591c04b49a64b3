// open-redirect: DEEP active probe — a site that has the weakness (found, with the request and the answer as
// evidence), a site that does not, and a soft-404 site.
import { afterEach, describe, expect, it } from 'vitest';
import { openRedirect } from '../../../../../runner/src/scanner/checks/security/open-redirect.js';
import { checkSite, closeSites, soft404 } from '../../../../support/collect-site.js';
import { site } from './active-site.js';

afterEach(closeSites);

describe('open-redirect', () => {
  it('finds a parameter that redirects anywhere, with the Location as evidence', async () => {
    const { findings, site: s } = await checkSite(openRedirect, site((_req, res, url) => {
      const next = url.searchParams.get('returnTo');
      if (next === null) return false;
      res.writeHead(302, { location: next });
      res.end();
      return true;
    }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', title: 'The "returnTo" parameter redirects to any site' });
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.url}\\?returnTo=https%3A%2F%2Fissafesite-redirect-[0-9a-f]+\\.invalid%2F → 302, Location: https://issafesite-redirect-[0-9a-f]+\\.invalid/; also ${s.origin}/search$`));
  });

  it('finds a redirect through a meta refresh', async () => {
    const { findings } = await checkSite(openRedirect, site((_req, res, url) => {
      const dest = url.searchParams.get('dest');
      if (dest === null) return false;
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html><head><meta http-equiv="refresh" content="0; url=${dest}"></head></html>`);
      return true;
    }));
    expect(findings.map((f) => f.title)).toEqual(['The "dest" parameter redirects to any site']);
  });

  it('passes a site that only redirects within itself, and a soft-404 site', async () => {
    const local = await checkSite(openRedirect, site((_req, res, url) => {
      const next = url.searchParams.get('next');
      if (next === null) return false;
      res.writeHead(302, { location: next.startsWith('/') && !next.startsWith('//') ? next : '/' });
      res.end();
      return true;
    }));
    expect(local.findings).toEqual([]);
    expect((await checkSite(openRedirect, soft404())).findings).toEqual([]);
  });
});
