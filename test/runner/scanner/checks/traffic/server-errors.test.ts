import { afterEach, describe, expect, it } from 'vitest';
import { serverErrors } from '../../../../../runner/src/scanner/checks/traffic/server-errors.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

describe('server-errors', () => {
  it('finds a linked page that fails with 5xx (high) and lists every failing URL', async () => {
    const { findings, site } = await checkSite(serverErrors, {
      '/': html('<a href="/checkout">Checkout</a>', '<script src="/broken.js"></script>'),
      '/checkout': { status: 503, body: 'down' },
      '/broken.js': { status: 500, body: '' },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'high', title: '2 URLs answered with a server error' });
    expect(findings[0]!.evidence).toBe(`${site.origin}/broken.js → 500; GET ${site.origin}/checkout → 503 (linked from ${site.url})`);
  });

  it('rates a failing asset alone medium', () => {
    const { findings } = serverErrors.run(artifacts({ resources: [{ ...htmlPage('').response, url: 'https://site.test/app.js', requestedUrl: 'https://site.test/app.js', status: 502, headers: { 'content-type': ['text/javascript'] } }] }));
    expect(findings[0]).toMatchObject({ severity: 'medium', evidence: 'https://site.test/app.js → 502' });
  });

  it('finds a target page that fails at QUICK', () => {
    const { findings } = serverErrors.run(artifacts({ page: htmlPage('<h1>Oops</h1>', { status: 500 }) }));
    expect(findings[0]).toMatchObject({ severity: 'high', evidence: 'https://site.test/ → 500' });
  });

  it('passes a healthy site, and a soft-404 site', async () => {
    expect((await checkSite(serverErrors, { '/': html('<a href="/a">A</a>'), '/a': html('') })).outcome).toBe('server-errors-none');
    expect((await checkSite(serverErrors, soft404())).findings).toEqual([]);
  });
});
