import { describe, expect, it } from 'vitest';
import { blockingDirective, noindex, splitRobotsHeader } from '../../../../../runner/src/scanner/checks/seo/noindex.js';
import { artifacts, doc, htmlPage, nonHtmlPage } from '../../../../support/artifacts.js';

const withMeta = (head: string, headers: Record<string, string | string[]> = {}) => noindex.run(artifacts({ html: doc('', head), headers }));
const NOW = Date.UTC(2026, 5, 1);

describe('noindex', () => {
  it('passes a page without robots directives, or with ones that allow indexing', () => {
    expect(withMeta('')).toEqual({ outcome: 'noindex-indexable', findings: [] });
    expect(withMeta('<meta name="robots" content="index, follow, max-snippet:50">', { 'x-robots-tag': 'nofollow' }).findings).toEqual([]);
  });

  it.each(['noindex', 'NOINDEX, follow', 'none', 'max-snippet:20, noindex'])('reports <meta name="robots" content=%j> as high with the tag as evidence', (content) => {
    const r = withMeta(`<meta name="robots" content="${content}">`);
    expect(r.outcome).toBe('noindex-blocked');
    expect(r.findings).toMatchObject([{ severity: 'high', evidence: `<meta name="robots" content="${content}">`, location: { selector: 'html > head > meta' } }]);
  });

  it('reports a noindex meta tag aimed at Googlebot, and ignores one aimed at another crawler', () => {
    expect(withMeta('<meta name="googlebot" content="noindex">').findings).toHaveLength(1);
    expect(withMeta('<meta name="otherbot" content="noindex">').findings).toHaveLength(0);
  });

  it('reports the X-Robots-Tag header with the header line as evidence, also on a page that is not HTML', () => {
    const r = noindex.run(artifacts({ page: nonHtmlPage('%PDF', 'application/pdf', { headers: { 'x-robots-tag': 'noindex, nofollow' } }) }));
    expect(r.findings).toMatchObject([{ severity: 'high', evidence: 'X-Robots-Tag: noindex, nofollow', location: { header: 'X-Robots-Tag' } }]);
  });

  it('honours crawler prefixes in X-Robots-Tag', () => {
    expect(withMeta('', { 'x-robots-tag': 'googlebot: noindex' }).findings).toHaveLength(1);
    expect(withMeta('', { 'x-robots-tag': ['otherbot: noindex', 'googlebot: nofollow'] }).findings).toHaveLength(0);
  });

  it('reports both the meta tag and the header when both block', () => {
    expect(withMeta('<meta name="robots" content="noindex">', { 'x-robots-tag': 'none' }).findings).toHaveLength(2);
  });

  it('treats unavailable_after as blocking once its date has passed at collection time', () => {
    expect(withMeta('', { 'x-robots-tag': 'unavailable_after: 2025-06-25' }).outcome).toBe('noindex-blocked');
    expect(withMeta('', { 'x-robots-tag': 'unavailable_after: 2030-06-25' }).outcome).toBe('noindex-indexable');
  });

  it('reports the platform header on a preview deployment host as info, not high', () => {
    const page = htmlPage(doc(''), { url: 'https://app-git-feature-acme.vercel.app/', headers: { 'x-robots-tag': 'noindex' } });
    const r = noindex.run(artifacts({ page }));
    expect(r.outcome).toBe('noindex-preview-platform');
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('keeps a noindex meta tag high even on a preview host, since the markup ships to production', () => {
    const page = htmlPage(doc('', '<meta name="robots" content="noindex">'), { url: 'https://deploy-preview-3--acme.netlify.app/', headers: { 'x-robots-tag': 'noindex' } });
    expect(noindex.run(artifacts({ page })).findings.map((f) => f.severity)).toEqual(['high', 'high']);
  });

  it('splits crawler prefixes from directives but not valued directives', () => {
    expect(splitRobotsHeader('googlebot: noindex')).toEqual({ crawler: 'googlebot', directives: ' noindex' });
    expect(splitRobotsHeader('unavailable_after: 25 Jun 2010 15:00:00 PST')).toEqual({ directives: 'unavailable_after: 25 Jun 2010 15:00:00 PST' });
    expect(blockingDirective('noarchive, nosnippet', NOW)).toBeUndefined();
  });
});
