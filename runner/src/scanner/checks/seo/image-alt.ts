// Alt text is what search engines (Google Images above all) and screen readers know of an image. An <img>
// without an alt attribute is unexplained; alt="" is the correct way to mark a decorative image and passes,
// as do images removed from the accessibility tree (role="presentation"/"none", aria-hidden="true").
import type { Check } from '../../types.js';
import { htmlOf, listSome, openingTag, selectorOf } from '../elements.js';

/** From this many images without alt text on one page, the gap is systematic (a template or a CMS field). */
export const MANY_MISSING_ALT = 5;

const REFERENCES = [
  'https://developers.google.com/search/docs/appearance/google-images#use-descriptive-alt-text',
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Elements/img#alt',
  'https://web.dev/learn/accessibility/images',
];

export const imageAlt: Check = {
  id: 'image-alt',
  category: 'seo',
  depth: 'QUICK',
  title: 'Image alt text',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const images = html.$('img').toArray();
    const missing = images.filter((img) => {
      const a = img.attribs;
      const role = (a.role ?? '').trim().toLowerCase();
      return a.alt === undefined && role !== 'presentation' && role !== 'none' && a['aria-hidden'] !== 'true';
    });
    if (missing.length === 0) return { outcome: images.length === 0 ? 'image-alt-no-images' : 'image-alt-ok', findings: [] };
    const n = missing.length;
    return {
      outcome: 'image-alt-missing',
      findings: [
        {
          severity: n >= MANY_MISSING_ALT ? 'medium' : 'low',
          title: `${n} of ${images.length} image${images.length === 1 ? '' : 's'} ${n === 1 ? 'has' : 'have'} no alt text`,
          description: 'Search engines use alt text to understand an image and rank it in image search, and screen readers read it to blind visitors; without an alt attribute they fall back to the file name.',
          evidence: listSome(missing.map((img) => `${selectorOf(img)} ${openingTag(img)}`)),
          location: { url: page.response.url, selector: selectorOf(missing[0]!) },
          remediation: 'Give every `<img>` an `alt` attribute: a short description of what the image shows for meaningful images, `alt=""` for purely decorative ones.',
          references: REFERENCES,
        },
      ],
    };
  },
};
