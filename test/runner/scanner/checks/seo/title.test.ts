import { describe, expect, it } from 'vitest';
import { title } from '../../../../../runner/src/scanner/checks/seo/title.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (head: string, body = '') => title.run(artifacts({ html: doc(body, head) }));

describe('title', () => {
  it('passes a title of 10 to 60 characters', () => {
    expect(run('<title>Pricing — Acme Analytics</title>')).toEqual({ outcome: 'title-ok', findings: [] });
  });

  it('reports a missing title as medium', () => {
    const r = run('');
    expect(r.outcome).toBe('title-missing');
    expect(r.findings).toMatchObject([{ severity: 'medium', location: { selector: 'head > title' } }]);
  });

  it('ignores a title inside inline SVG when looking for the document title', () => {
    expect(run('', '<svg><title>Chart of sales</title></svg>').outcome).toBe('title-missing');
  });

  it('reports a whitespace-only title as empty and medium', () => {
    const r = run('<title>  \n </title>');
    expect(r.outcome).toBe('title-empty');
    expect(r.findings[0]!.severity).toBe('medium');
  });

  it('reports a title under 10 characters as low, with the title as evidence', () => {
    const r = run('<title>Home</title>');
    expect(r.outcome).toBe('title-too-short');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<title>Home</title>', location: { selector: 'html > head > title' } });
  });

  it('reports a title over 60 characters as low and counts characters, not UTF-16 units', () => {
    expect(run(`<title>${'a'.repeat(61)}</title>`).outcome).toBe('title-too-long');
    expect(run(`<title>${'a'.repeat(60)}</title>`).outcome).toBe('title-ok');
    expect(run(`<title>${'😀'.repeat(60)}</title>`).outcome).toBe('title-ok');
  });

  it('reports a second title element as low, listing both', () => {
    const r = run('<title>Pricing — Acme</title><title>Acme</title>');
    expect(r.outcome).toBe('title-multiple');
    expect(r.findings[0]!.evidence).toBe('<title>Pricing — Acme</title> <title>Acme</title>');
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(title.run(artifacts({ page: nonHtmlPage() }))).toEqual({ findings: [], notApplicable: 'The page is not HTML (application/json).' });
  });

  it('reports an empty document as missing a title', () => {
    expect(title.run(artifacts({ html: '' })).outcome).toBe('title-missing');
  });
});
