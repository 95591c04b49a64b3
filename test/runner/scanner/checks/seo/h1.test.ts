import { describe, expect, it } from 'vitest';
import { h1 } from '../../../../../runner/src/scanner/checks/seo/h1.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (body: string) => h1.run(artifacts({ html: doc(body) }));

describe('h1', () => {
  it('passes one h1 with text', () => {
    expect(run('<h1>Widgets</h1><h2>More</h2>')).toEqual({ outcome: 'h1-ok', findings: [] });
  });

  it('passes an h1 whose only content is an image with alt text', () => {
    expect(run('<h1><img src="/logo.svg" alt="Acme"></h1>').outcome).toBe('h1-ok');
  });

  it('reports a page without h1 as medium', () => {
    const r = run('<h2>Only a subheading</h2>');
    expect(r.outcome).toBe('h1-missing');
    expect(r.findings[0]!.severity).toBe('medium');
  });

  it('reports an h1 without text as medium', () => {
    expect(run('<h1> <img src="/logo.svg"> </h1>')).toMatchObject({ outcome: 'h1-empty', findings: [{ severity: 'medium' }] });
  });

  it('reports several h1 headings as low, listing them', () => {
    const r = run('<h1>Widgets</h1><section><h1 class="s">Gadgets</h1></section>');
    expect(r.outcome).toBe('h1-multiple');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<h1>Widgets</h1> <h1 class="s">Gadgets</h1>', location: { selector: 'html > body > section > h1' } });
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(h1.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
