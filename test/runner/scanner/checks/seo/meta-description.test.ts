import { describe, expect, it } from 'vitest';
import { metaDescription } from '../../../../../runner/src/scanner/checks/seo/meta-description.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (head: string) => metaDescription.run(artifacts({ html: doc('', head) }));
const meta = (content: string) => `<meta name="description" content="${content}">`;

describe('meta-description', () => {
  it('passes a description of 50 to 160 characters, whatever the case of the name', () => {
    expect(run(meta('a'.repeat(120)))).toEqual({ outcome: 'meta-description-ok', findings: [] });
    expect(run(`<meta name="Description" content="${'a'.repeat(50)}">`).outcome).toBe('meta-description-ok');
  });

  it('reports a missing description as medium', () => {
    const r = run('');
    expect(r.outcome).toBe('meta-description-missing');
    expect(r.findings[0]!.severity).toBe('medium');
  });

  it('reports an empty content or no content attribute as medium', () => {
    expect(run(meta('  ')).findings[0]!.severity).toBe('medium');
    expect(run('<meta name="description">').outcome).toBe('meta-description-empty');
  });

  it('reports a short description as low with the tag as evidence', () => {
    const r = run(meta('Best widgets.'));
    expect(r.outcome).toBe('meta-description-too-short');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<meta name="description" content="Best widgets.">' });
  });

  it('reports a description over 160 characters as low', () => {
    const r = run(meta('a'.repeat(161)));
    expect(r.outcome).toBe('meta-description-too-long');
    expect(r.findings[0]!.title).toContain('161');
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(metaDescription.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
