import { describe, expect, it } from 'vitest';
import { textCompression } from '../../../../../runner/src/scanner/checks/traffic/text-compression.js';
import { artifacts, htmlPage, nonHtmlPage, response } from '../../../../support/artifacts.js';

const BIG = 'x'.repeat(5000);
const res = (path: string, type: string, headers: Record<string, string> = {}, body = BIG) =>
  response({ url: `https://site.test${path}`, headers: { 'content-type': type, ...headers }, body });

describe('text-compression', () => {
  it('passes text responses sent with gzip, br, deflate or zstd', () => {
    const page = htmlPage(BIG, { headers: { 'content-encoding': 'br' } });
    const resources = [res('/a.css', 'text/css', { 'content-encoding': 'gzip' }), res('/a.js', 'text/javascript', { 'content-encoding': 'zstd' }), res('/d.json', 'application/json', { 'content-encoding': 'deflate' })];
    expect(textCompression.run(artifacts({ page, resources }))).toEqual({ outcome: 'text-compression-ok', findings: [] });
  });

  it('reports uncompressed HTML, CSS, JS, JSON and SVG over 1 KB as medium, with URLs and sizes', () => {
    const page = htmlPage(BIG);
    const resources = [res('/a.css', 'text/css'), res('/a.js', 'application/javascript', { 'content-encoding': 'identity' }), res('/m.json', 'application/manifest+json'), res('/i.svg', 'image/svg+xml')];
    const r = textCompression.run(artifacts({ page, resources }));
    expect(r.outcome).toBe('text-compression-missing');
    expect(r.findings[0]).toMatchObject({ severity: 'medium', title: '5 text responses are sent uncompressed (25.0 kB)', location: { url: 'https://site.test/', header: 'Content-Encoding' } });
    expect(r.findings[0]!.evidence).toContain('https://site.test/ (5.0 kB, text/html, no Content-Encoding)');
    expect(r.findings[0]!.evidence).toContain('https://site.test/a.js (5.0 kB, application/javascript, Content-Encoding: identity)');
  });

  it('leaves small responses, images and error responses alone', () => {
    const page = htmlPage('<p>small</p>');
    const resources = [res('/p.png', 'image/png'), res('/small.css', 'text/css', {}, 'x'.repeat(1024)), response({ url: 'https://site.test/404.js', status: 404, headers: { 'content-type': 'text/javascript' }, body: BIG })];
    expect(textCompression.run(artifacts({ page, resources })).outcome).toBe('text-compression-ok');
  });

  it('is not applicable when no text response was fetched', () => {
    expect(textCompression.run(artifacts({ page: nonHtmlPage('%PDF', 'application/pdf') })).notApplicable).toBeDefined();
  });
});
