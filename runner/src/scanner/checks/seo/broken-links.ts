// Internal links that lead nowhere: the crawl fetched (or checked with HEAD) every same-origin URL the pages
// link to, within its budget; those answering 4xx or 5xx, or not answering at all, are broken. 401 and 403
// are often pages behind a login and weigh less; 429 means the site throttled the scan, which says nothing
// about the link, so it is left out.
import type { Check, FindingDraft, LinkCheck } from '../../types.js';
import { listSome } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/http-network-errors',
  'https://developers.google.com/search/docs/crawling-indexing/links-crawlable',
];
/** One finding per broken URL up to this many; the rest are summed up in one more. */
export const MAX_BROKEN_FINDINGS = 20;

function broken(link: LinkCheck): boolean {
  if (link.sources.length === 0 || link.unchecked !== undefined) return false;
  if (link.error !== undefined) return true;
  return link.status !== undefined && link.status >= 400 && link.status !== 429;
}

function answer(link: LinkCheck): string {
  if (link.error !== undefined) return `no answer (${link.error})`;
  const via = link.finalUrl !== undefined ? ` after redirects to ${link.finalUrl}` : '';
  return `${link.status}${via}`;
}

function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const brokenLinks: Check = {
  id: 'broken-links',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Broken internal links',
  run({ links }) {
    if (links === undefined) return { findings: [], notApplicable: 'The site was not crawled.' };
    const bad = links.filter(broken);
    if (bad.length === 0) return { outcome: 'broken-links-none', findings: [] };
    const findings: FindingDraft[] = bad.slice(0, MAX_BROKEN_FINDINGS).map((link) => {
      const first = link.sources[0]!;
      const gated = link.status === 401 || link.status === 403;
      const others = link.sources.length - 1;
      return {
        severity: gated ? 'low' : 'medium',
        title: gated ? `A link leads to a page that refuses access (${link.status})` : `A broken link: ${link.url} answers ${link.error !== undefined ? 'nothing' : link.status}`,
        description: gated
          ? 'Visitors and crawlers following this link are refused. If the page is meant for signed-in users only, mark the link rel="nofollow" or show it only to them.'
          : 'Visitors following this link land on an error, and search engines waste crawl budget on it and pass no ranking through it.',
        evidence: `<a href=${JSON.stringify(first.href)}> on ${first.page} → ${link.method ?? 'GET'} ${link.url} → ${answer(link)}${others > 0 ? `; also linked from ${listSome(link.sources.slice(1).map((s) => s.page))}` : ''}`,
        location: { url: first.page, selector: `[href=${cssString(first.href)}]` },
        remediation: `Fix the link on ${first.page}${others > 0 ? ` and the ${others} other page${others === 1 ? '' : 's'}` : ''} to point at an existing page, remove it, or redirect ${new URL(link.url).pathname} (301) to the page that replaced it.`,
        references: REFERENCES,
      };
    });
    if (bad.length > MAX_BROKEN_FINDINGS) {
      const rest = bad.slice(MAX_BROKEN_FINDINGS);
      findings.push({
        severity: 'medium',
        title: `${rest.length} more broken internal links`,
        description: 'More links than listed above lead to errors.',
        evidence: listSome(rest.map((l) => `${l.url} → ${answer(l)} (from ${l.sources[0]!.page})`), '; ', 10),
        location: { url: rest[0]!.sources[0]!.page },
        remediation: 'Run a link checker over the whole site and fix or redirect every broken URL.',
        references: REFERENCES,
      });
    }
    return { outcome: 'broken-links-found', findings };
  },
};
