// trace-method: DEEP active probe — a site that has the weakness (found, with the request and the answer as
// evidence), a site that does not, and a soft-404 site.
import { afterEach, describe, expect, it } from 'vitest';
import { traceMethod } from '../../../../../runner/src/scanner/checks/security/trace-method.js';
import { checkSite, closeSites, soft404 } from '../../../../support/collect-site.js';
import { site } from './active-site.js';

afterEach(closeSites);

describe('trace-method', () => {
  it('finds a server that echoes TRACE requests', async () => {
    const { findings } = await checkSite(traceMethod, site((req, res) => {
      if (req.method !== 'TRACE') return false;
      res.writeHead(200, { 'content-type': 'message/http' });
      res.end(`TRACE ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n`);
      return true;
    }));
    expect(findings).toMatchObject([{ severity: 'low', title: 'The server answers HTTP TRACE' }]);
    expect(findings[0]!.evidence).toContain('→ 200, echoing "TRACE / HTTP/1.1"');
  });

  it('passes a server that refuses TRACE, and a soft-404 site', async () => {
    const refused = await checkSite(traceMethod, site((req, res) => {
      if (req.method !== 'TRACE') return false;
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return true;
    }));
    expect(refused.outcome).toBe('trace-disabled');
    expect((await checkSite(traceMethod, soft404())).findings).toEqual([]);
  });
});
