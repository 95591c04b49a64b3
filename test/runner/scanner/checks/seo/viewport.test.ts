import { describe, expect, it } from 'vitest';
import { parseViewport, viewport } from '../../../../../runner/src/scanner/checks/seo/viewport.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (head: string) => viewport.run(artifacts({ html: doc('', head) }));

describe('viewport', () => {
  it('passes width=device-width, with either separator and any case', () => {
    expect(run('<meta name="viewport" content="width=device-width, initial-scale=1">')).toEqual({ outcome: 'viewport-ok', findings: [] });
    expect(run('<meta name="Viewport" content="initial-scale=1; WIDTH = device-width">').outcome).toBe('viewport-ok');
  });

  it('reports a missing viewport as medium', () => {
    const r = run('');
    expect(r.outcome).toBe('viewport-missing');
    expect(r.findings[0]!.severity).toBe('medium');
  });

  it('reports a fixed-width viewport as low with the tag as evidence', () => {
    const r = run('<meta name="viewport" content="width=1024">');
    expect(r.outcome).toBe('viewport-no-device-width');
    expect(r.findings[0]).toMatchObject({ severity: 'low', evidence: '<meta name="viewport" content="width=1024">' });
  });

  it('reports a viewport without content as not following the device width', () => {
    expect(run('<meta name="viewport">').outcome).toBe('viewport-no-device-width');
  });

  it('parses viewport content into keys and values', () => {
    expect([...parseViewport('width=device-width,initial-scale=1.0, ,user-scalable')]).toEqual([
      ['width', 'device-width'],
      ['initial-scale', '1.0'],
      ['user-scalable', ''],
    ]);
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(viewport.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
