// Google indexes the mobile rendering of a page (mobile-first indexing). Without a viewport meta tag, phones
// render the page at a desktop width (980 px) and shrink it, so text is unreadable without zooming.
import type { Check } from '../../types.js';
import { htmlOf, openingTag, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Elements/meta/name/viewport',
  'https://developers.google.com/search/docs/crawling-indexing/mobile/mobile-sites-mobile-first-indexing',
  'https://web.dev/articles/responsive-web-design-basics#viewport',
];

const RECOMMENDED = '<meta name="viewport" content="width=device-width, initial-scale=1">';

/** The viewport content as key → value, keys lower-case; browsers accept "," and ";" as separators. */
export function parseViewport(content: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of content.split(/[,;]/)) {
    const [key, value = ''] = part.split('=').map((s) => s.trim());
    if (key) out.set(key.toLowerCase(), value.toLowerCase());
  }
  return out;
}

export const viewport: Check = {
  id: 'viewport',
  category: 'seo',
  depth: 'QUICK',
  title: 'Mobile viewport',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const url = page.response.url;
    const el = html.$('meta[name="viewport" i]').toArray()[0];
    if (el === undefined) {
      return {
        outcome: 'viewport-missing',
        findings: [
          {
            severity: 'medium',
            title: 'The page has no viewport meta tag',
            description: 'Phones render a page without a viewport tag at desktop width and shrink it; Google indexes that mobile rendering and treats the page as not mobile-friendly.',
            evidence: 'No <meta name="viewport"> element in the document.',
            location: { url, selector: 'head > meta[name="viewport"]' },
            remediation: `Add \`${RECOMMENDED}\` to \`<head>\`.`,
            references: REFERENCES,
          },
        ],
      };
    }
    if (parseViewport(el.attribs.content ?? '').get('width') !== 'device-width') {
      return {
        outcome: 'viewport-no-device-width',
        findings: [
          {
            severity: 'low',
            title: 'The viewport does not follow the device width',
            description: 'Without `width=device-width` the layout viewport keeps a fixed width, so the page does not adapt to the screen of a phone or tablet.',
            evidence: openingTag(el),
            location: { url, selector: selectorOf(el) },
            remediation: `Use \`${RECOMMENDED}\`.`,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'viewport-ok', findings: [] };
  },
};
