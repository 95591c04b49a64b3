// Search engines read a link's text as a description of the page it leads to. Generic text such as "click
// here" or "read more" describes nothing. The list covers common phrasings in several languages, in the
// spirit of Lighthouse's link-text audit; links that do not lead to another page (javascript:, mailto:,
// tel:, fragments of this page) and rel="nofollow" links are not judged.
import type { Check } from '../../types.js';
import { collapse, htmlOf, listSome, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/links-crawlable#anchor-text-placement',
  'https://developer.chrome.com/docs/lighthouse/seo/link-text',
];

export const GENERIC_LINK_TEXTS = new Set([
  // English
  'click here', 'click this', 'here', 'this', 'this link', 'link', 'more', 'more info', 'more information', 'read more', 'learn more', 'see more', 'find out more', 'continue', 'continue reading', 'go', 'start', 'details',
  // German
  'hier', 'hier klicken', 'klicken sie hier', 'mehr', 'mehr erfahren', 'weiterlesen', 'mehr lesen',
  // French
  'ici', 'cliquez ici', 'cliquer ici', 'en savoir plus', 'lire la suite', 'plus', 'lien',
  // Spanish
  'aquí', 'aqui', 'haz clic aquí', 'haga clic aquí', 'clic aquí', 'leer más', 'más', 'más información', 'ver más', 'enlace',
  // Portuguese
  'clique aqui', 'aqui', 'leia mais', 'saiba mais', 'mais', 'ver mais',
  // Italian
  'clicca qui', 'qui', 'leggi di più', 'scopri di più', 'altro',
  // Dutch
  'klik hier', 'lees meer', 'meer', 'meer informatie',
  // Swedish
  'klicka här', 'här', 'läs mer', 'mer',
  // Japanese
  'ここをクリック', 'こちら', '続きを読む', '詳細',
]);

/** Link text as compared: collapsed, lower-case, without leading or trailing punctuation and arrows ("Read more »"). */
export function normaliseLinkText(text: string): string {
  return collapse(text)
    .toLowerCase()
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
}

function leadsElsewhere(href: string, pageUrl: string): boolean {
  const h = href.trim().toLowerCase();
  if (h === '' || h.startsWith('#') || h.startsWith('javascript:') || h.startsWith('mailto:') || h.startsWith('tel:')) return false;
  const target = URL.parse(href.trim(), pageUrl);
  if (target === null) return false;
  target.hash = '';
  const here = new URL(pageUrl);
  here.hash = '';
  return target.href !== here.href;
}

export const linkText: Check = {
  id: 'link-text',
  category: 'seo',
  depth: 'QUICK',
  title: 'Descriptive link text',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const { $ } = html;
    const url = page.response.url;
    const generic = $('a[href]')
      .toArray()
      .filter((a) => !(a.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('nofollow') && leadsElsewhere(a.attribs.href ?? '', url))
      .map((a) => ({ a, text: collapse($(a).text()) }))
      .filter(({ text }) => GENERIC_LINK_TEXTS.has(normaliseLinkText(text)));
    if (generic.length === 0) return { outcome: 'link-text-descriptive', findings: [] };
    const n = generic.length;
    return {
      outcome: 'link-text-generic',
      findings: [
        {
          severity: 'low',
          title: `${n} link${n === 1 ? ' has' : 's have'} generic text`,
          description: 'Link text like "click here" or "read more" tells search engines (and screen-reader users, who often list the links of a page) nothing about the page it leads to.',
          evidence: listSome(generic.map(({ a, text }) => `"${text}" → ${a.attribs.href}`)),
          location: { url, selector: selectorOf(generic[0]!.a) },
          remediation: 'Make the link text say where it leads, e.g. "read the pricing guide" instead of "click here"; or wrap the link around the descriptive words already in the sentence.',
          references: REFERENCES,
        },
      ],
    };
  },
};
