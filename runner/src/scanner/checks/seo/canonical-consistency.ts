// Canonical URLs across the crawled pages: a page's canonical must lead to a page that answers 200 itself,
// is indexable and declares itself canonical. A canonical to an error, a redirect, a noindex page or a page
// with another canonical (a chain) leaves search engines to guess, and they often ignore it (Google,
// "Fix canonicalization issues").
import type { Check, FindingDraft, LinkCheck, Page } from '../../types.js';
import { listSome } from '../elements.js';
import { canonicalOf, noindexOf, sameUrl } from './page-signals.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls',
  'https://developers.google.com/search/docs/crawling-indexing/canonicalization-troubleshooting',
];

type Problem = 'broken' | 'redirect' | 'noindex' | 'chain';

const TEXT: Record<Problem, { severity: FindingDraft['severity']; one: string; many: string; description: string; remediation: string }> = {
  broken: {
    severity: 'medium',
    one: 'canonical URL leads to an error',
    many: 'canonical URLs lead to errors',
    description: 'These pages name a canonical URL that answers with an error, so search engines ignore the declaration and may drop the pages.',
    remediation: 'Point each canonical at a URL that answers 200 (usually the page itself).',
  },
  redirect: {
    severity: 'low',
    one: 'canonical URL redirects',
    many: 'canonical URLs redirect',
    description: 'A canonical URL should be the final address; one that redirects is a weaker signal and often ignored.',
    remediation: 'Use the URL the redirect ends at as the canonical.',
  },
  noindex: {
    severity: 'medium',
    one: 'canonical URL points to a noindex page',
    many: 'canonical URLs point to noindex pages',
    description: 'The canonical asks search engines to index another page, which itself asks not to be indexed: neither ends up in search results.',
    remediation: 'Remove noindex from the canonical target, or point the canonical elsewhere.',
  },
  chain: {
    severity: 'low',
    one: 'canonical URL points to a page with another canonical',
    many: 'canonical URLs point to pages with another canonical',
    description: 'A canonical chain (A → B while B → C) is followed unreliably; search engines may pick any of the pages.',
    remediation: 'Point every page directly at the final canonical URL.',
  },
};

function linkFor(links: LinkCheck[], url: string): LinkCheck | undefined {
  return links.find((l) => sameUrl(l.url, url));
}

function pageFor(pages: Page[], url: string): Page | undefined {
  return pages.find((p) => sameUrl(p.response.url, url));
}

export const canonicalConsistency: Check = {
  id: 'canonical-consistency',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Canonical URLs across pages',
  run({ pages, links, collectedAt }) {
    if (links === undefined) return { findings: [], notApplicable: 'The site was not crawled.' };
    const found: Record<Problem, string[]> = { broken: [], redirect: [], noindex: [], chain: [] };
    let declared = 0;
    for (const page of pages) {
      const canonical = canonicalOf(page);
      if (canonical === undefined || sameUrl(canonical, page.response.url)) continue;
      if (URL.parse(canonical)?.origin !== new URL(page.response.url).origin) continue;
      declared++;
      const link = linkFor(links, canonical);
      const target = pageFor(pages, canonical);
      const at = `${page.response.url} → ${canonical}`;
      if (link?.error !== undefined || (link?.status !== undefined && link.status >= 400)) found.broken.push(`${at} (${link.status ?? link.error})`);
      else if (link?.finalUrl !== undefined && !sameUrl(link.finalUrl, canonical)) found.redirect.push(`${at} (redirects to ${link.finalUrl})`);
      else if (target !== undefined && noindexOf(target, collectedAt) !== undefined) found.noindex.push(`${at} (${noindexOf(target, collectedAt)})`);
      else if (target !== undefined) {
        const next = canonicalOf(target);
        if (next !== undefined && !sameUrl(next, canonical)) found.chain.push(`${at} → ${next}`);
      }
    }
    if (declared === 0) return { outcome: 'canonical-consistency-self', findings: [] };
    const findings: FindingDraft[] = [];
    for (const problem of Object.keys(found) as Problem[]) {
      const items = found[problem];
      if (items.length === 0) continue;
      const t = TEXT[problem];
      findings.push({
        severity: t.severity,
        title: `${items.length} ${items.length === 1 ? t.one : t.many}`,
        description: t.description,
        evidence: listSome(items),
        location: { url: items[0]!.split(' → ')[0]!, selector: 'head > link[rel="canonical"]' },
        remediation: t.remediation,
        references: REFERENCES,
      });
    }
    return { outcome: findings.length > 0 ? 'canonical-consistency-problems' : 'canonical-consistency-ok', findings };
  },
};
