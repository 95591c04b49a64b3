import { describe, expect, it } from 'vitest';
import { imageAlt } from '../../../../../runner/src/scanner/checks/seo/image-alt.js';
import { artifacts, doc, nonHtmlPage } from '../../../../support/artifacts.js';

const run = (body: string) => imageAlt.run(artifacts({ html: doc(body) }));

describe('image-alt', () => {
  it('passes images with alt text, decorative alt="" and images hidden from assistive technology', () => {
    expect(run('<img src="/a.png" alt="A chart"><img src="/line.png" alt=""><img src="/b.png" role="presentation"><img src="/c.png" aria-hidden="true">')).toEqual({ outcome: 'image-alt-ok', findings: [] });
  });

  it('passes a page without images', () => {
    expect(run('<p>text</p>').outcome).toBe('image-alt-no-images');
  });

  it('reports an image without alt as low, with its selector and tag as evidence', () => {
    const r = run('<main><img src="/ok.png" alt="ok"><img src="/hero.jpg"></main>');
    expect(r.outcome).toBe('image-alt-missing');
    expect(r.findings[0]).toMatchObject({
      severity: 'low',
      title: '1 of 2 images has no alt text',
      evidence: 'html > body > main > img:nth-of-type(2) <img src="/hero.jpg">',
      location: { selector: 'html > body > main > img:nth-of-type(2)' },
    });
  });

  it('reports five or more images without alt as medium and lists only the first five', () => {
    const r = run(Array.from({ length: 7 }, (_, i) => `<img src="/${i}.png">`).join(''));
    expect(r.findings[0]!.severity).toBe('medium');
    expect(r.findings[0]!.evidence).toContain('and 2 more');
    expect(r.findings[0]!.evidence).not.toContain('/5.png');
  });

  it('starts selectors at the nearest ancestor with an id', () => {
    expect(run('<div id="gallery"><p><img src="/x.png"></p></div>').findings[0]!.location.selector).toBe('div#gallery > p > img');
  });

  it('is not applicable to a page that is not HTML', () => {
    expect(imageAlt.run(artifacts({ page: nonHtmlPage() })).notApplicable).toBeDefined();
  });
});
