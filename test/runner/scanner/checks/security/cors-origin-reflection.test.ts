// cors-origin-reflection: DEEP active probe — a site that has the weakness (found, with the request and the answer as
// evidence), a site that does not, and a soft-404 site.
import { afterEach, describe, expect, it } from 'vitest';
import { corsOriginReflection } from '../../../../../runner/src/scanner/checks/security/cors-origin-reflection.js';
import { artifacts } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';
import { site } from './active-site.js';

afterEach(closeSites);

describe('cors-origin-reflection', () => {
  it('finds an Origin reflected with credentials (high) and the null origin allowed', async () => {
    const { findings, site: s } = await checkSite(corsOriginReflection, site((req, res) => {
      const origin = req.headers.origin;
      if (origin === undefined) return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });
      res.end(html(''));
      return true;
    }));
    expect(findings.map((f) => [f.title, f.severity])).toEqual([
      ['CORS reflects any Origin', 'high'],
      ['CORS allows the origin "null"', 'high'],
    ]);
    expect(findings[0]!.evidence).toMatch(new RegExp(`^GET ${s.url} with Origin: https://issafesite-[0-9a-f]+\\.invalid → Access-Control-Allow-Origin: https://issafesite-[0-9a-f]+\\.invalid, Access-Control-Allow-Credentials: true$`));
  });

  it('rates a reflection without credentials low, and passes a fixed allow-list', async () => {
    const reflect = await checkSite(corsOriginReflection, site((req, res) => {
      if (req.headers.origin === undefined || req.headers.origin === 'null') return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': req.headers.origin });
      res.end(html(''));
      return true;
    }));
    expect(reflect.findings.map((f) => f.severity)).toEqual(['low']);
    const fixed = await checkSite(corsOriginReflection, site((_req, res, url) => {
      if (url.pathname !== '/') return false;
      res.writeHead(200, { 'content-type': 'text/html', 'access-control-allow-origin': 'https://app.example.com', 'access-control-allow-credentials': 'true' });
      res.end(html(''));
      return true;
    }));
    expect(fixed.findings).toEqual([]);
  });

  it('finds nothing on a soft-404 site', async () => {
    expect((await checkSite(corsOriginReflection, soft404())).findings).toEqual([]);
  });

  it('is not applicable below DEEP', () => {
    expect(corsOriginReflection.run(artifacts()).notApplicable).toBe('The active probes run at DEEP depth only.');
  });
});
