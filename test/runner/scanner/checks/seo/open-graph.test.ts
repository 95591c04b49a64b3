import { describe, expect, it } from 'vitest';
import { openGraph } from '../../../../../runner/src/scanner/checks/seo/open-graph.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (head: string) => openGraph.run(artifacts({ html: doc('', head) }));
const og = (prop: string, content: string) => `<meta property="og:${prop}" content="${content}">`;
const ALL = og('title', 'Acme') + og('description', 'Widgets') + og('image', 'https://site.test/og.png');

describe('open-graph', () => {
  it('passes title, description and an absolute image', () => {
    expect(run(ALL)).toEqual({ outcome: 'open-graph-ok', findings: [] });
  });

  it('accepts tags written with name= instead of property=', () => {
    expect(run('<meta name="og:title" content="A"><meta name="og:description" content="B"><meta name="og:image" content="https://site.test/i.png">').outcome).toBe('open-graph-ok');
  });

  it('reports a page without any Open Graph tag as low', () => {
    expect(run('')).toMatchObject({ outcome: 'open-graph-missing', findings: [{ severity: 'low' }] });
  });

  it('reports the missing ones as info when some are present, counting empty content as missing', () => {
    const r = run(og('title', 'Acme') + og('description', ' '));
    expect(r.outcome).toBe('open-graph-incomplete');
    expect(r.findings[0]).toMatchObject({ severity: 'info', title: 'Open Graph tags missing: og:description, og:image' });
  });

  it('reports a relative og:image as low and suggests the absolute URL', () => {
    const r = run(og('title', 'Acme') + og('description', 'Widgets') + og('image', '/og.png'));
    expect(r.outcome).toBe('open-graph-image-relative');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<meta property="og:image" content="/og.png">' });
    expect(r.findings[0]!.remediation).toContain('https://site.test/og.png');
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(openGraph.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
