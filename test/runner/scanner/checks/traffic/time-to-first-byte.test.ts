import { describe, expect, it } from 'vitest';
import { timeToFirstByte } from '../../../../../runner/src/scanner/checks/traffic/time-to-first-byte.js';
import { artifacts, htmlPage, nonHtmlPage } from '../../../../support/artifacts.js';

const withTtfb = (ttfbMs: number) => timeToFirstByte.run(artifacts({ page: htmlPage('<p>x</p>', { timings: { ttfbMs, totalMs: ttfbMs + 20 } }) }));

describe('time-to-first-byte', () => {
  it('passes up to 600 ms', () => {
    expect(withTtfb(50)).toEqual({ outcome: 'ttfb-fast', findings: [] });
    expect(withTtfb(600)).toEqual({ outcome: 'ttfb-fast', findings: [] });
  });

  it('reports over 600 ms as low with the measured time as evidence', () => {
    const r = withTtfb(742.4);
    expect(r.outcome).toBe('ttfb-slow');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: 'Time to first byte 742 ms for GET https://site.test/ (HTTP 200)' });
  });

  it('reports over 1800 ms as medium', () => {
    expect(withTtfb(1801).findings[0]!.severity).toBe('medium');
    expect(withTtfb(1800).findings[0]!.severity).toBe('low');
  });

  it('judges pages that are not HTML too', () => {
    expect(timeToFirstByte.run(artifacts({ page: nonHtmlPage('{}', 'application/json', { timings: { ttfbMs: 2500, totalMs: 2600 } }) })).outcome).toBe('ttfb-poor');
  });
});
