import { describe, expect, it } from 'vitest';
import { renderBlockingScripts } from '../../../../../runner/src/scanner/checks/traffic/render-blocking-scripts.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (head: string, body = '') => renderBlockingScripts.run(artifacts({ html: doc(body, head) }));

describe('render-blocking-scripts', () => {
  it('passes deferred, async, module, nomodule, data and inline scripts, and scripts in the body', () => {
    const head = '<script src="/a.js" defer></script><script src="/b.js" async></script><script type="module" src="/c.js"></script><script nomodule src="/legacy.js"></script><script type="application/ld+json">{}</script><script type="text/template" src="/t.html"></script><script>var x = 1;</script>';
    expect(run(head, '<script src="/late.js"></script>')).toEqual({ outcome: 'render-blocking-scripts-none', findings: [] });
  });

  it('reports classic scripts in head as low with their count and tags', () => {
    const r = run('<script src="/jquery.js"></script><script type="text/javascript" src="https://cdn.test/lib.js"></script><script src="/ok.js" defer></script>');
    expect(r.outcome).toBe('render-blocking-scripts-found');
    expect(r.findings[0]).toMatchObject({
      severity: 'low',
      title: '2 scripts in <head> block rendering',
      evidence: '<script src="/jquery.js">; <script type="text/javascript" src="https://cdn.test/lib.js">',
      location: { selector: 'html > head > script:nth-of-type(1)' },
    });
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(renderBlockingScripts.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
