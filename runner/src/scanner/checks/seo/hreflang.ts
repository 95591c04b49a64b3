// hreflang annotations tell search engines which language version of a page to show. Google's rules
// (Search Central, "Tell Google about localized versions of your page"): codes are ISO 639-1 languages with
// an optional ISO 3166-1 region (or x-default), URLs are fully qualified, every version lists all versions
// including itself, and the links are reciprocal — a version that does not link back is ignored.
import { headerValues } from '../../headers.js';
import type { Check, FindingDraft, LinkCheck, Page } from '../../types.js';
import { listSome } from '../elements.js';
import { sameUrl } from './page-signals.js';

const REFERENCES = ['https://developers.google.com/search/docs/specialty/international/localized-versions'];
/** language[-Script][-REGION] or x-default; Google reads language and region (RFC 5646 subset). */
const CODE = /^(?:x-default|[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?)$/i;

interface Alternate {
  code: string;
  href: string;
  url?: string;
}

/** hreflang alternates from <head> links and Link headers. */
export function alternatesOf(page: Page): Alternate[] {
  const out: Alternate[] = [];
  const add = (code: string, href: string): void => {
    const u = URL.parse(href, page.response.url);
    if (u !== null) u.hash = '';
    out.push({ code: code.trim(), href, ...(u !== null ? { url: u.href } : {}) });
  };
  for (const value of headerValues(page.response, 'link')) {
    for (const m of value.matchAll(/<([^>]*)>([^,<]*)/g)) {
      const params = m[2] ?? '';
      const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(params)?.[1] ?? '';
      const lang = /;\s*hreflang\s*=\s*"?([^";]*)"?/i.exec(params)?.[1];
      if (lang !== undefined && rel.toLowerCase().split(/\s+/).includes('alternate')) add(lang, m[1]!.trim());
    }
  }
  page.$?.('head link[rel][hreflang][href]').each((_i, el) => {
    if ((el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('alternate')) add(el.attribs.hreflang ?? '', (el.attribs.href ?? '').trim());
  });
  return out;
}

export const hreflang: Check = {
  id: 'hreflang',
  category: 'seo',
  depth: 'STANDARD',
  title: 'hreflang annotations',
  run({ pages, links }) {
    const annotated = pages.map((page) => ({ page, alternates: alternatesOf(page) })).filter((p) => p.alternates.length > 0);
    if (annotated.length === 0) return { findings: [], notApplicable: 'No page declares hreflang alternates.' };
    const findings: FindingDraft[] = [];
    const issue = (severity: FindingDraft['severity'], page: Page, title: string, description: string, evidence: string[], remediation: string): void => {
      findings.push({ severity, title, description, evidence: listSome(evidence), location: { url: page.response.url, selector: 'head > link[rel="alternate"][hreflang]' }, remediation, references: REFERENCES });
    };
    const byUrl = (url: string): { page: Page; alternates: Alternate[] } | undefined => annotated.find((a) => sameUrl(a.page.response.url, url));
    const linkOf = (url: string): LinkCheck | undefined => links?.find((l) => sameUrl(l.url, url));

    for (const { page, alternates } of annotated) {
      const self = page.response.url;
      const badCodes = alternates.filter((a) => !CODE.test(a.code));
      if (badCodes.length > 0) issue('medium', page, 'hreflang values that are not language codes', 'Search engines ignore alternates whose hreflang is not an ISO 639-1 language (optionally with an ISO 3166-1 region), e.g. "en", "en-GB", or x-default. A common mistake is a region alone ("uk") or an underscore ("en_US").', badCodes.map((a) => `hreflang="${a.code}" → ${a.href}`), 'Use codes like `en`, `en-GB`, `pt-BR` and `x-default`.');
      const relative = alternates.filter((a) => !/^https?:\/\//i.test(a.href));
      if (relative.length > 0) issue('low', page, 'hreflang URLs that are not fully qualified', 'Google requires fully qualified URLs (scheme and host) in hreflang alternates.', relative.map((a) => `hreflang="${a.code}" href="${a.href}"`), 'Write each alternate URL in full, e.g. https://www.example.com/de/.');
      const byCode = new Map<string, Set<string>>();
      for (const a of alternates) if (a.url) byCode.set(a.code.toLowerCase(), (byCode.get(a.code.toLowerCase()) ?? new Set()).add(a.url));
      const conflicting = [...byCode].filter(([, urls]) => urls.size > 1);
      if (conflicting.length > 0) issue('medium', page, 'one hreflang code points to several URLs', 'Each language-region code must map to one URL; with several, search engines cannot choose and may ignore the annotations.', conflicting.map(([code, urls]) => `${code}: ${[...urls].join(', ')}`), 'Keep one alternate per code.');
      if (!alternates.some((a) => a.url !== undefined && sameUrl(a.url, self))) issue('low', page, 'the page does not list itself among its hreflang alternates', 'Each language version should list every version including itself; without the self-reference the set is incomplete.', [`${self}: ${alternates.map((a) => a.code).join(', ')}`], `Add \`<link rel="alternate" hreflang="<this page's code>" href="${self}">\`.`);
      const noReturn: string[] = [];
      const broken: string[] = [];
      for (const a of alternates) {
        if (a.url === undefined || sameUrl(a.url, self)) continue;
        const link = linkOf(a.url);
        if (link?.error !== undefined || (link?.status !== undefined && link.status >= 400)) broken.push(`hreflang="${a.code}" → ${a.url} (${link.status ?? link.error})`);
        const other = byUrl(a.url);
        const crawled = pages.some((p) => sameUrl(p.response.url, a.url!));
        if (crawled && !(other?.alternates.some((b) => b.url !== undefined && sameUrl(b.url, self)) ?? false)) noReturn.push(`${a.url} (hreflang="${a.code}") does not link back to ${self}`);
      }
      if (broken.length > 0) issue('medium', page, 'hreflang alternates lead to errors', 'Alternates that answer with an error are dropped, with the whole annotation for them.', broken, 'Point every alternate at a page that answers 200.');
      if (noReturn.length > 0) issue('medium', page, 'hreflang alternates without a return link', 'Annotations must be reciprocal: if page A lists B, B must list A, or search engines ignore the pair.', noReturn, 'Add the same full set of alternates (all versions, itself included) to every language version.');
    }
    return { outcome: findings.length > 0 ? 'hreflang-problems' : 'hreflang-ok', findings };
  },
};
