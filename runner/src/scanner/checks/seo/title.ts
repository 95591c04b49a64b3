// The <title> is the headline of a page's search result and its browser tab. Google shows about 50–60
// characters (it truncates by pixel width, ~600 px), so a title longer than 60 characters is cut, and one
// shorter than 10 rarely tells a searcher what the page is.
import type { Check, FindingDraft } from '../../types.js';
import { collapse, elementWithText, htmlOf, selectorOf } from '../elements.js';

export const TITLE_MIN = 10;
export const TITLE_MAX = 60;

const REFERENCES = [
  'https://developers.google.com/search/docs/appearance/title-link',
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Elements/title',
];

export const title: Check = {
  id: 'title',
  category: 'seo',
  depth: 'QUICK',
  title: 'Page title',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const url = page.response.url;
    // A <title> inside inline SVG names the drawing, not the document.
    const titles = $('title').not('svg title').toArray();
    const first = titles[0];
    if (first === undefined) {
      return {
        outcome: 'title-missing',
        findings: [
          {
            severity: 'medium',
            title: 'The page has no title',
            description: 'Without a `<title>`, search engines make up the headline of the search result from other text on the page, and the browser tab shows the bare URL.',
            evidence: 'No <title> element in the document.',
            location: { url, selector: 'head > title' },
            remediation: 'Add a unique, descriptive `<title>` of 10–60 characters inside `<head>`, e.g. `<title>Pricing — Acme Analytics</title>`.',
            references: REFERENCES,
          },
        ],
      };
    }
    const text = collapse($(first).text());
    const location = { url, selector: selectorOf(first) };
    const evidence = elementWithText($, first);
    const findings: FindingDraft[] = [];
    let outcome = 'title-ok';
    // Length in characters as people read them (code points), not UTF-16 units.
    const length = [...text].length;
    if (length === 0) {
      outcome = 'title-empty';
      findings.push({
        severity: 'medium',
        title: 'The page title is empty',
        description: 'An empty `<title>` is as good as none: search engines invent the headline of the result and the browser tab shows the URL.',
        evidence,
        location,
        remediation: 'Write a descriptive title of 10–60 characters in the `<title>` element.',
        references: REFERENCES,
      });
    } else if (length < TITLE_MIN) {
      outcome = 'title-too-short';
      findings.push({
        severity: 'low',
        title: `The page title is too short (${length} characters)`,
        description: `A title under ${TITLE_MIN} characters rarely says what the page is about, so searchers skip the result and search engines may replace it.`,
        evidence,
        location,
        remediation: `Lengthen the title to ${TITLE_MIN}–${TITLE_MAX} characters naming the page's subject and the site, e.g. "Pricing — Acme Analytics".`,
        references: REFERENCES,
      });
    } else if (length > TITLE_MAX) {
      outcome = 'title-too-long';
      findings.push({
        severity: 'low',
        title: `The page title is too long (${length} characters)`,
        description: `Search results show about ${TITLE_MAX} characters of a title and cut the rest, so the end of this title is never read.`,
        evidence,
        location,
        remediation: `Shorten the title to at most ${TITLE_MAX} characters, with the most important words first.`,
        references: REFERENCES,
      });
    }
    if (titles.length > 1) {
      if (outcome === 'title-ok') outcome = 'title-multiple';
      findings.push({
        severity: 'low',
        title: `The page has ${titles.length} title elements`,
        description: 'Browsers and search engines use only the first `<title>`; the others are ignored, which usually means a template adds its own title next to the page\'s.',
        evidence: titles.map((t) => elementWithText($, t)).join(' '),
        location: { url, selector: selectorOf(titles[1]!) },
        remediation: 'Keep exactly one `<title>` in `<head>` and remove the others.',
        references: REFERENCES,
      });
    }
    return { outcome, findings };
  },
};
