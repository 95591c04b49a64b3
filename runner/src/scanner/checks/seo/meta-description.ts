// The meta description is the snippet under a search result's headline when Google finds it fits the
// query. Google cuts snippets at about 155–160 characters (by pixel width); under about 50 characters a
// description says too little to be chosen over text taken from the page.
import type { Check } from '../../types.js';
import { collapse, htmlOf, openingTag, selectorOf } from '../elements.js';

export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 160;

const REFERENCES = [
  'https://developers.google.com/search/docs/appearance/snippet#meta-descriptions',
  'https://developer.chrome.com/docs/lighthouse/seo/meta-description',
];

export const metaDescription: Check = {
  id: 'meta-description',
  category: 'seo',
  depth: 'QUICK',
  title: 'Meta description',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const url = page.response.url;
    const el = $('meta[name="description" i]').toArray()[0];
    if (el === undefined) {
      return {
        outcome: 'meta-description-missing',
        findings: [
          {
            severity: 'medium',
            title: 'The page has no meta description',
            description: 'Without a meta description, search engines build the snippet under the result from whatever text they find on the page, which often reads poorly.',
            evidence: 'No <meta name="description"> element in the document.',
            location: { url, selector: 'head > meta[name="description"]' },
            remediation: `Add \`<meta name="description" content="…">\` in \`<head>\` with a unique summary of the page of ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters.`,
            references: REFERENCES,
          },
        ],
      };
    }
    const text = collapse(el.attribs.content ?? '');
    const length = [...text].length;
    const location = { url, selector: selectorOf(el) };
    const evidence = openingTag(el);
    if (length === 0) {
      return {
        outcome: 'meta-description-empty',
        findings: [
          {
            severity: 'medium',
            title: 'The meta description is empty',
            description: 'An empty description is as good as none: search engines build the snippet from other text on the page.',
            evidence,
            location,
            remediation: `Fill the \`content\` attribute with a summary of the page of ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters.`,
            references: REFERENCES,
          },
        ],
      };
    }
    if (length < DESCRIPTION_MIN) {
      return {
        outcome: 'meta-description-too-short',
        findings: [
          {
            severity: 'low',
            title: `The meta description is too short (${length} characters)`,
            description: `A description under ${DESCRIPTION_MIN} characters rarely summarises the page well enough to be shown as the search snippet.`,
            evidence,
            location,
            remediation: `Expand the description to ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters: what the page offers and why to visit it.`,
            references: REFERENCES,
          },
        ],
      };
    }
    if (length > DESCRIPTION_MAX) {
      return {
        outcome: 'meta-description-too-long',
        findings: [
          {
            severity: 'low',
            title: `The meta description is too long (${length} characters)`,
            description: `Search results show about ${DESCRIPTION_MAX} characters of a snippet and cut the rest.`,
            evidence,
            location,
            remediation: `Shorten the description to at most ${DESCRIPTION_MAX} characters, with the key message first.`,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'meta-description-ok', findings: [] };
  },
};
