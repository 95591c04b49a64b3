// A sitemap lists the URLs a site wants crawled; /sitemap.xml is where crawlers and tools look first, and
// robots.txt may name others with `Sitemap:` lines. This check judges presence and that the answer is an XML
// sitemap (<urlset> or <sitemapindex>), not the contents.
import { mediaType } from '../../headers.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FetchOutcome } from '../../types.js';
import { parseRobots, robotsText } from './robots-rules.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/sitemaps/overview',
  'https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap',
  'https://www.sitemaps.org/protocol.html',
];

/** The name of the first element of an XML text (without prefix, lower-case), or undefined when it is not XML. */
export function xmlRootName(text: string): string | undefined {
  const rest = text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(\s*(<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|<\?[^>]*\?>))*/i, '')
    .trimStart();
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(rest);
  return m === null ? undefined : m[2]!.toLowerCase();
}

/** Sitemap URLs robots.txt declares other than /sitemap.xml itself. */
function sitemapsDeclaredElsewhere(robots: FetchOutcome | undefined, sitemapUrl: string): string[] {
  if (robots === undefined || isFetchFailure(robots) || robots.status !== 200) return [];
  return parseRobots(new URL('/robots.txt', sitemapUrl).href, robotsText(robots.body))
    .getSitemaps()
    .filter((u) => u !== sitemapUrl);
}

export const sitemapXml: Check = {
  id: 'sitemap-xml',
  category: 'seo',
  depth: 'QUICK',
  title: 'sitemap.xml',
  run({ page, sitemapXml: fetched, robotsTxt }) {
    if (fetched === undefined) return { findings: [], notApplicable: 'sitemap.xml was not fetched.' };
    const sitemapUrl = new URL('/sitemap.xml', page.response.url).href;
    const location = { url: sitemapUrl };
    const missing = isFetchFailure(fetched) || fetched.status >= 400;
    if (missing) {
      const elsewhere = sitemapsDeclaredElsewhere(robotsTxt, sitemapUrl);
      if (elsewhere.length > 0) return { outcome: 'sitemap-xml-declared-in-robots', findings: [] };
      return {
        outcome: 'sitemap-xml-missing',
        findings: [
          {
            severity: 'low',
            title: 'The site has no sitemap.xml',
            description: 'Without a sitemap, search engines find pages only by following links, so new, deep or poorly linked pages are discovered late or not at all.',
            evidence: isFetchFailure(fetched) ? `GET ${fetched.requestedUrl} failed: ${fetched.error} (${fetched.message})` : `GET ${fetched.requestedUrl} → ${fetched.status}; robots.txt names no other sitemap.`,
            location,
            remediation: 'Publish an XML sitemap at /sitemap.xml (most frameworks and CMSs generate one) and name it in robots.txt with `Sitemap: https://…/sitemap.xml`.',
            references: REFERENCES,
          },
        ],
      };
    }
    const text = fetched.body.toString('utf8');
    const root = xmlRootName(text);
    const type = mediaType(fetched) || 'no content type';
    if (root === 'urlset' || root === 'sitemapindex') return { outcome: 'sitemap-xml-present', findings: [] };
    const isHtml = root === 'html' || /^\s*<!doctype\s+html/i.test(text) || type === 'text/html';
    return {
      outcome: isHtml ? 'sitemap-xml-html' : 'sitemap-xml-not-xml',
      findings: [
        {
          severity: 'low',
          title: isHtml ? 'sitemap.xml is an HTML page' : 'sitemap.xml is not an XML sitemap',
          description: isHtml
            ? 'The server answers /sitemap.xml with an HTML page (typically a single-page app\'s fallback route), so search engines find no URLs in it.'
            : 'Search engines read a sitemap only when it is XML with a <urlset> or <sitemapindex> root element; this answer is neither, so it is ignored.',
          evidence: `GET ${fetched.requestedUrl} → ${fetched.status} (${type}): ${JSON.stringify(text.trim().slice(0, 80))}`,
          location,
          remediation: 'Serve an XML sitemap (`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` with one `<url><loc>` per page) at /sitemap.xml with `Content-Type: application/xml`, or answer 404 there.',
          references: REFERENCES,
        },
      ],
    };
  },
};
