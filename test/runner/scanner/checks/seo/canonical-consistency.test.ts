import { afterEach, describe, expect, it } from 'vitest';
import { canonicalConsistency } from '../../../../../runner/src/scanner/checks/seo/canonical-consistency.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const canonical = (href: string) => `<link rel="canonical" href="${href}">`;

describe('canonical-consistency', () => {
  it('passes pages that name themselves or a working, indexable page as canonical', async () => {
    const { findings, outcome } = await checkSite(canonicalConsistency, {
      '/': html('<a href="/shoes?sort=price">Shoes</a>', canonical('/')),
      '/shoes': html('', canonical('/shoes')),
      '/shoes?sort=price': html('', canonical('/shoes')),
    });
    expect(findings).toEqual([]);
    expect(outcome).toBe('canonical-consistency-ok');
  });

  it('finds canonicals that lead to an error, a redirect, a noindex page or another canonical', async () => {
    const { findings, site } = await checkSite(canonicalConsistency, {
      '/': html('<a href="/a">A</a><a href="/b">B</a><a href="/c">C</a><a href="/d">D</a>'),
      '/a': html('', canonical('/a-gone')),
      '/b': html('', canonical('/b-old')),
      '/b-old': { status: 301, headers: { location: '/' } },
      '/c': html('', canonical('/c-hidden')),
      '/c-hidden': html('', '<meta name="robots" content="noindex">'),
      '/d': html('', canonical('/d2')),
      '/d2': html('', canonical('/d3')),
      '/d3': html(''),
    });
    expect(findings.map((f) => [f.severity, f.title])).toEqual([
      ['medium', '1 canonical URL leads to an error'],
      ['low', '1 canonical URL redirects'],
      ['medium', '1 canonical URL points to a noindex page'],
      ['low', '1 canonical URL points to a page with another canonical'],
    ]);
    const o = site.origin;
    expect(findings.map((f) => f.evidence)).toEqual([
      `${o}/a → ${o}/a-gone (404)`,
      `${o}/b → ${o}/b-old (redirects to ${o}/)`,
      `${o}/c → ${o}/c-hidden (<meta name="robots" content="noindex">)`,
      `${o}/d → ${o}/d2 → ${o}/d3`,
    ]);
    expect(findings[0]!.location).toEqual({ url: `${o}/a`, selector: 'head > link[rel="canonical"]' });
  });

  it('has nothing to judge on a soft-404 site whose pages declare no canonical', async () => {
    expect((await checkSite(canonicalConsistency, soft404())).outcome).toBe('canonical-consistency-self');
  });
});
