import { describe, expect, it } from 'vitest';
import { redirectChain } from '../../../../../runner/src/scanner/checks/traffic/redirect-chain.js';
import type { RedirectHop } from '../../../../../runner/src/scanner/types.js';
import { artifacts, htmlPage } from '../../../../support/artifacts.js';

const hop = (url: string, status: number, location: string): RedirectHop => ({ url, status, location, headers: { location: [location] }, remoteAddress: '127.0.0.1' });
const run = (redirects: RedirectHop[]) => redirectChain.run(artifacts({ page: htmlPage('<p>x</p>', { url: 'https://www.site.test/home', redirects }) }));

describe('redirect-chain', () => {
  it('passes no redirect or a single one', () => {
    expect(run([])).toEqual({ outcome: 'redirect-chain-none', findings: [] });
    expect(run([hop('http://www.site.test/home', 301, 'https://www.site.test/home')])).toEqual({ outcome: 'redirect-chain-single', findings: [] });
  });

  it('reports two hops as low, with the chain as evidence', () => {
    const r = run([hop('http://site.test/home', 301, 'https://site.test/home'), hop('https://site.test/home', 302, 'https://www.site.test/home')]);
    expect(r.outcome).toBe('redirect-chain-long');
    expect(r.findings[0]).toMatchObject({
      severity: 'low',
      evidence: 'http://site.test/home → 301 → https://site.test/home → 302 → https://www.site.test/home',
      location: { url: 'http://site.test/home', header: 'Location' },
    });
  });

  it('reports three or more hops as medium', () => {
    const r = run([hop('http://a.test/', 301, 'https://a.test/'), hop('https://a.test/', 308, 'https://site.test/'), hop('https://site.test/', 302, 'https://www.site.test/home')]);
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.title).toBe('Reaching the page takes 3 redirects');
  });
});
