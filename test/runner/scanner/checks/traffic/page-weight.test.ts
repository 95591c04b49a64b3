import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../../../../runner/src/scanner/checks/traffic/page-weight.js';
import { formatBytes } from '../../../../../runner/src/scanner/checks/traffic/responses.js';
import { artifacts, failure, htmlPage, response } from '../../../../support/artifacts.js';

const asset = (path: string, transferBytes: number, truncated = false) => response({ url: `https://site.test${path}`, transferBytes, truncated });
const page = htmlPage('<p>x</p>', { transferBytes: 40_000 });

describe('page-weight', () => {
  it('passes a page and resources of 1.6 MB or less', () => {
    expect(pageWeight.run(artifacts({ page, resources: [asset('/app.js', 1_560_000)] }))).toEqual({ outcome: 'page-weight-ok', findings: [] });
  });

  it('reports more than 1.6 MB as low, listing the five heaviest, heaviest first', () => {
    const resources = [100, 200, 300, 400, 500, 600].map((k, i) => asset(`/img${i}.jpg`, k * 1000));
    const r = pageWeight.run(artifacts({ page, resources }));
    expect(r.outcome).toBe('page-weight-large');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.title).toBe('The page downloads 2.14 MB');
    expect(r.findings[0]!.evidence).toBe(
      'Total 2.14 MB in 7 responses; heaviest: https://site.test/img5.jpg (600.0 kB); https://site.test/img4.jpg (500.0 kB); https://site.test/img3.jpg (400.0 kB); https://site.test/img2.jpg (300.0 kB); https://site.test/img1.jpg (200.0 kB)',
    );
  });

  it('reports more than 4 MB as medium', () => {
    expect(pageWeight.run(artifacts({ page, resources: [asset('/video-poster.png', 4_000_000)] })).findings[0]!.severity).toBe('medium');
  });

  it('counts only same-origin responses, each URL once, and skips failed fetches', () => {
    const resources = [response({ url: 'https://cdn.other.test/big.js', transferBytes: 5_000_000 }), asset('/a.js', 1_000_000), asset('/a.js', 1_000_000), failure('https://site.test/b.js')];
    expect(pageWeight.run(artifacts({ page, resources })).outcome).toBe('page-weight-ok');
  });

  it('says "at least" when a body was cut at the size cap', () => {
    expect(pageWeight.run(artifacts({ page, resources: [asset('/huge.bin', 2_000_000, true)] })).findings[0]!.title).toBe('The page downloads at least 2.04 MB');
  });

  it('formats sizes in decimal units', () => {
    expect([999, 1000, 123_456, 1_600_000].map(formatBytes)).toEqual(['999 B', '1.0 kB', '123.5 kB', '1.60 MB']);
  });
});
