// <html lang> tells search engines (and screen readers, translation prompts, hyphenation) which language
// the page is in. The value must be a well-formed BCP 47 tag ("en", "pt-BR"); a common slip is the POSIX
// form "en_US", which BCP 47 does not allow.
import type { Check } from '../../types.js';
import { htmlOf, openingTag } from '../elements.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTML/Reference/Global_attributes/lang',
  'https://developers.google.com/search/docs/specialty/international/managing-multi-regional-sites',
];

/**
 * Whether a language tag is well-formed BCP 47; Intl implements the grammar (RFC 5646). The primary subtag
 * must also be an ISO 639 code of 2–3 letters: the grammar reserves 4–8 letters for languages never
 * registered, so a value like "english" is a mistake, not a language.
 */
export function isLanguageTag(value: string): boolean {
  if (!/^[a-z]{2,3}(-|$)/i.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

export const htmlLang: Check = {
  id: 'html-lang',
  category: 'seo',
  depth: 'QUICK',
  title: 'Document language',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const el = html.$('html').toArray()[0];
    const url = page.response.url;
    const lang = el?.attribs.lang?.trim();
    const evidence = el === undefined ? 'No <html> element.' : openingTag(el);
    if (lang === undefined || lang === '') {
      return {
        outcome: 'html-lang-missing',
        findings: [
          {
            severity: 'low',
            title: 'The page does not declare its language',
            description: 'Without `lang` on `<html>`, search engines must guess the language to match the page with searchers, and screen readers may read it with the wrong pronunciation.',
            evidence,
            location: { url, selector: 'html' },
            remediation: 'Add the page\'s language to the root element, e.g. `<html lang="en">` or `<html lang="pt-BR">`.',
            references: REFERENCES,
          },
        ],
      };
    }
    if (!isLanguageTag(lang)) {
      return {
        outcome: 'html-lang-invalid',
        findings: [
          {
            severity: 'low',
            title: `The page language "${lang}" is not a valid language tag`,
            description: 'The `lang` value must be a BCP 47 language tag; browsers and search engines ignore values they cannot parse, as if no language were declared.',
            evidence,
            location: { url, selector: 'html' },
            remediation: `Use a BCP 47 tag: a language code, optionally a hyphen and a region${lang.includes('_') ? ` (here \`${lang.replace(/_/g, '-')}\`)` : ''}, e.g. \`<html lang="en-US">\`.`,
            references: REFERENCES,
          },
        ],
      };
    }
    return { outcome: 'html-lang-ok', findings: [] };
  },
};
