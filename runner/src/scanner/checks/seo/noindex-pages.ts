// The crawled pages (beyond the target, which the noindex check judges) that ask not to be indexed. Often
// intended — login, search results, thank-you pages — so they are listed for review as a note; a noindex
// page the sitemap lists is a conflict and is reported by sitemap-validity.
import type { Check } from '../../types.js';
import { listSome } from '../elements.js';
import { noindexOf } from './page-signals.js';

export const noindexPages: Check = {
  id: 'noindex-pages',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Pages marked noindex',
  run({ pages, collectedAt }) {
    if (pages.length < 2) return { findings: [], notApplicable: 'Only one page was scanned.' };
    const marked = pages.slice(1).flatMap((p) => {
      const directive = noindexOf(p, collectedAt);
      return directive === undefined ? [] : [`${p.response.url} (${directive})`];
    });
    if (marked.length === 0) return { outcome: 'noindex-pages-none', findings: [] };
    return {
      outcome: 'noindex-pages-listed',
      findings: [
        {
          severity: 'info',
          title: `${marked.length} crawled page${marked.length === 1 ? ' is' : 's are'} marked noindex`,
          description: 'These pages ask search engines to keep them out of results. That is right for login, search or checkout pages; check that no page meant to be found is among them.',
          evidence: listSome(marked, '; ', 10),
          location: { url: marked[0]!.split(' (')[0]! },
          remediation: 'Remove noindex from any page listed here that should appear in search results.',
          references: ['https://developers.google.com/search/docs/crawling-indexing/block-indexing'],
        },
      ],
    };
  },
};
