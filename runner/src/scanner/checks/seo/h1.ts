// One h1 names the page's main subject for readers, screen readers and search engines alike. None leaves
// the page without a headline; several make the outline ambiguous.
import type { Element } from 'domhandler';
import type { CheerioAPI } from 'cheerio';
import type { Check } from '../../types.js';
import { collapse, elementWithText, htmlOf, listSome, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/fundamentals/seo-starter-guide',
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Elements/Heading_Elements',
];

/** The heading's text as read aloud: its text, or the alt text of images inside it. */
function headingText($: CheerioAPI, el: Element): string {
  const text = collapse($(el).text());
  if (text !== '') return text;
  return collapse(
    $(el)
      .find('img[alt]')
      .toArray()
      .map((img) => img.attribs.alt ?? '')
      .join(' '),
  );
}

export const h1: Check = {
  id: 'h1',
  category: 'seo',
  depth: 'QUICK',
  title: 'Main heading (h1)',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const url = page.response.url;
    const all = $('h1').toArray();
    if (all.length === 0) {
      return {
        outcome: 'h1-missing',
        findings: [
          {
            severity: 'medium',
            title: 'The page has no h1 heading',
            description: 'The h1 is the visible headline of the page; without one, search engines and screen readers have to guess what the page is mainly about.',
            evidence: 'No <h1> element in the document.',
            location: { url, selector: 'h1' },
            remediation: 'Mark the main headline of the page up as `<h1>` (styled as you like), once per page.',
            references: REFERENCES,
          },
        ],
      };
    }
    const withText = all.filter((el) => headingText($, el) !== '');
    if (withText.length === 0) {
      return {
        outcome: 'h1-empty',
        findings: [
          {
            severity: 'medium',
            title: 'The h1 heading is empty',
            description: 'The page\'s h1 has no text (and no image with alt text), so it names nothing.',
            evidence: listSome(all.map((el) => elementWithText($, el)), ' '),
            location: { url, selector: selectorOf(all[0]!) },
            remediation: 'Put the page\'s headline as text inside the `<h1>`, or give the image in it a descriptive `alt`.',
            references: REFERENCES,
          },
        ],
      };
    }
    if (all.length > 1) {
      return {
        outcome: 'h1-multiple',
        findings: [
          {
            severity: 'low',
            title: `The page has ${all.length} h1 headings`,
            description: 'Several h1 headings make it unclear which one is the page\'s main subject; the others are usually section headings that belong at h2.',
            evidence: listSome(all.map((el) => elementWithText($, el)), ' '),
            location: { url, selector: selectorOf(all[1]!) },
            remediation: 'Keep one `<h1>` for the page\'s main headline and demote the others to `<h2>`–`<h6>` according to the outline.',
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'h1-ok', findings: [] };
  },
};
