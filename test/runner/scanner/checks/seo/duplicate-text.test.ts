import { afterEach, describe, expect, it } from 'vitest';
import { duplicateDescriptions } from '../../../../../runner/src/scanner/checks/seo/duplicate-descriptions.js';
import { duplicateTitles } from '../../../../../runner/src/scanner/checks/seo/duplicate-titles.js';
import { artifacts } from '../../../../support/artifacts.js';
import { checkSite, closeSites } from '../../../../support/collect-site.js';

afterEach(closeSites);

const page = (title: string, description: string, body = '', head = '') =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta name="description" content="${description}">${head}</head><body>${body}</body></html>`;

describe('duplicate-titles and duplicate-descriptions', () => {
  it('find pages that share a title or a description, listing them', async () => {
    const routes = {
      '/': page('Acme', 'Acme makes things.', '<a href="/a">A</a><a href="/b">B</a><a href="/c">C</a>'),
      '/a': page('Acme', 'Acme makes things.'),
      '/b': page('Acme', 'About team B.'),
      '/c': page('Pricing — Acme', 'Acme makes things.'),
    };
    const titles = await checkSite(duplicateTitles, routes);
    expect(titles.findings).toHaveLength(1);
    expect(titles.findings[0]).toMatchObject({ severity: 'low', title: '3 pages share the title "Acme"', location: { url: titles.site.url, selector: 'head > title' } });
    expect(titles.findings[0]!.evidence).toBe(`"Acme" on ${titles.site.url}; ${titles.site.origin}/a; ${titles.site.origin}/b`);
    const descriptions = await checkSite(duplicateDescriptions, routes);
    expect(descriptions.findings.map((f) => f.title)).toEqual(['3 pages share the meta description "Acme makes things."']);
  });

  it('find nothing when each page has its own, and leave out noindex pages and declared copies', async () => {
    const { findings } = await checkSite(duplicateTitles, {
      '/': page('Home — Acme', 'x', '<a href="/print">Print</a><a href="/login">Login</a><a href="/a">A</a>'),
      '/a': page('About — Acme', 'y'),
      '/print': page('Home — Acme', 'x', '', '<link rel="canonical" href="/">'),
      '/login': page('Home — Acme', 'x', '', '<meta name="robots" content="noindex">'),
    });
    expect(findings).toEqual([]);
  });

  it('are not applicable to a single page', () => {
    expect(duplicateTitles.run(artifacts()).notApplicable).toBe('Only one page was scanned.');
  });
});
