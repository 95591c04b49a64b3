import { describe, expect, it } from 'vitest';
import { canonical, canonicalLinksFromHeader } from '../../../../../runner/src/scanner/checks/seo/canonical.js';
import { artifacts, doc, htmlPage, nonHtmlPage } from '../../../../support/artifacts.js';

const link = (href: string) => `<link rel="canonical" href="${href}">`;
const run = (head: string, url = 'https://site.test/', headers: Record<string, string> = {}) =>
  canonical.run(artifacts({ page: htmlPage(doc('', head), { url, headers }) }));

describe('canonical', () => {
  it('passes a canonical pointing at the page itself', () => {
    expect(run(link('https://site.test/'))).toEqual({ outcome: 'canonical-ok', findings: [] });
  });

  it('accepts a relative canonical, resolved against the page', () => {
    expect(run(link('/docs/'), 'https://site.test/docs/?utm_source=x').outcome).toBe('canonical-ok');
  });

  it('accepts the www and bare host of the same site', () => {
    expect(run(link('https://www.site.test/'))).toMatchObject({ outcome: 'canonical-ok' });
  });

  it('reports a missing canonical as low', () => {
    const r = run('');
    expect(r.outcome).toBe('canonical-missing');
    expect(r.findings[0]!.severity).toBe('low');
  });

  it('ignores a canonical link in the body', () => {
    const r = canonical.run(artifacts({ html: doc(link('https://site.test/')) }));
    expect(r.outcome).toBe('canonical-missing');
  });

  it.each(['', 'https://[broken', 'ftp://site.test/file'])('reports %j as an invalid canonical (medium)', (href) => {
    const r = run(link(href));
    expect(r.outcome).toBe('canonical-invalid');
    expect(r.findings[0]).toMatchObject({ severity: 'medium', evidence: `<link rel="canonical" href="${href}">` });
  });

  it('reports several different canonical URLs as conflicting (medium), listing them', () => {
    const r = run(link('https://site.test/a') + link('https://site.test/b'), 'https://site.test/a');
    expect(r.outcome).toBe('canonical-conflicting');
    expect(r.findings[0]!.evidence).toContain('https://site.test/b');
  });

  it('does not count the same URL declared twice as a conflict', () => {
    expect(run(link('https://site.test/a') + link('/a'), 'https://site.test/a').outcome).toBe('canonical-ok');
  });

  it('reports a canonical on another domain as medium, naming it', () => {
    const r = run(link('https://other.test/'));
    expect(r.outcome).toBe('canonical-other-domain');
    expect(r.findings[0]).toMatchObject({ severity: 'medium', title: expect.stringContaining('other.test') });
  });

  it('reports an inner page whose canonical is the homepage as medium', () => {
    expect(run(link('https://site.test/'), 'https://site.test/pricing').outcome).toBe('canonical-points-to-root');
  });

  it('reads the canonical from the Link header, also for a page that is not HTML', () => {
    const headers = { link: '<https://site.test/paper.pdf>; rel="canonical"' };
    expect(canonical.run(artifacts({ page: nonHtmlPage('%PDF', 'application/pdf', { url: 'https://site.test/paper.pdf', headers }) })).outcome).toBe('canonical-ok');
    const r = run(link('https://site.test/a'), 'https://site.test/a', { link: '<https://site.test/b>; rel=canonical' });
    expect(r).toMatchObject({ outcome: 'canonical-conflicting', findings: [{ location: { header: 'Link' } }] });
  });

  it('is not applicable to a page that is not HTML and has no canonical header', () => {
    expect(canonical.run(artifacts({ page: nonHtmlPage() })).notApplicable).toContain('not HTML');
  });

  it('parses Link header values with several links and rel lists', () => {
    expect(canonicalLinksFromHeader(['<https://a.test/style.css>; rel=preload; as=style, <https://a.test/x>; rel="alternate canonical"'])).toEqual(['https://a.test/x']);
  });
});

describe('canonical on a preview or local deployment', () => {
  it.each(['http://localhost:3000/', 'http://127.0.0.1:8080/', 'https://app-git-pr-7-acme.vercel.app/'])('reports a canonical on the production domain from %s as info only', (url) => {
    const r = canonical.run(artifacts({ page: htmlPage(doc('', '<link rel="canonical" href="https://www.acme.example/">'), { url }) }));
    expect(r).toMatchObject({ outcome: 'canonical-production-from-preview', findings: [{ severity: 'info' }] });
  });
});
