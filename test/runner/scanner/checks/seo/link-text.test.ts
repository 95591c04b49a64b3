import { describe, expect, it } from 'vitest';
import { linkText, normaliseLinkText } from '../../../../../runner/src/scanner/checks/seo/link-text.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (body: string) => linkText.run(artifacts({ html: doc(body) }));

describe('link-text', () => {
  it('passes descriptive links', () => {
    expect(run('<a href="/pricing">See our pricing</a><a href="/docs">Documentation</a>')).toEqual({ outcome: 'link-text-descriptive', findings: [] });
  });

  it.each(['click here', 'Read more »', 'HERE', 'Learn more…', 'link', 'Weiterlesen', 'en savoir plus', 'leer más'])('reports %j as generic (low)', (text) => {
    const r = run(`<p>Pricing: <a href="/pricing">${text}</a></p>`);
    expect(r.outcome).toBe('link-text-generic');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: `"${text}" → /pricing`, location: { selector: 'html > body > p > a' } });
  });

  it('counts every generic link', () => {
    expect(run('<a href="/a">more</a><a href="/b">more</a><a href="/c">Widgets</a>').findings[0]!.title).toBe('2 links have generic text');
  });

  it('ignores links that do not lead to another page, and nofollow links', () => {
    const body = '<a href="#top">here</a><a href="javascript:void(0)">more</a><a href="mailto:a@site.test">here</a><a href="tel:+1">here</a><a href="/x" rel="nofollow">click here</a><a href="https://site.test/#faq">more</a><a>here</a>';
    expect(run(body).findings).toEqual([]);
  });

  it('normalises whitespace, case and surrounding punctuation', () => {
    expect(normaliseLinkText('  Read\n MORE → ')).toBe('read more');
    expect(normaliseLinkText('(here)')).toBe('here');
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(linkText.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
