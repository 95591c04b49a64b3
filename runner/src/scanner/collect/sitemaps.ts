// The sitemaps a crawl starts from: /sitemap.xml (already fetched by QUICK), the sitemaps robots.txt names,
// and the children of a sitemap index — same host only, a few of each, so a site with thousands of sitemaps
// does not spend the budget here.
import type { Robots } from '../checks/seo/robots-rules.js';
import { parseSitemap, sitemapText } from '../checks/seo/sitemap-parse.js';
import { isFetchFailure, type FetchOutcome } from '../types.js';
import type { Deadline } from './budget.js';
import type { Fetcher } from './fetcher.js';

/** Same cap as the QUICK fetch of /sitemap.xml. */
export const SITEMAP_MAX_BYTES = 2 * 1024 * 1024;
const MAX_DECLARED = 3;
const MAX_CHILDREN = 5;

export interface GatheredSitemaps {
  sitemaps: FetchOutcome[];
  urls: { url: string; sitemap: string }[];
}

function sameOrigin(url: string, origin: string): boolean {
  return URL.parse(url)?.origin === origin;
}

export async function gatherSitemaps(
  fetcher: Fetcher,
  first: FetchOutcome | undefined,
  robots: Robots | undefined,
  origin: string,
  deadline: Deadline,
): Promise<GatheredSitemaps> {
  const fetchSitemap = (url: string): Promise<FetchOutcome> =>
    fetcher.fetch(url, { maxBytes: SITEMAP_MAX_BYTES, deadline: deadline.at, headers: { accept: 'application/xml,text/xml,*/*;q=0.8' } });
  const sitemaps: FetchOutcome[] = first === undefined ? [] : [first];
  const seen = new Set(sitemaps.map((s) => (isFetchFailure(s) ? s.requestedUrl : s.url)));
  const declared = (robots?.getSitemaps() ?? []).filter((u) => sameOrigin(u, origin) && !seen.has(u)).slice(0, MAX_DECLARED);
  declared.forEach((u) => seen.add(u));
  if (!deadline.passed()) sitemaps.push(...(await Promise.all(declared.map(fetchSitemap))));

  const urls: { url: string; sitemap: string }[] = [];
  const children: string[] = [];
  const read = (outcome: FetchOutcome): void => {
    if (isFetchFailure(outcome) || outcome.status !== 200) return;
    const parsed = parseSitemap(sitemapText(outcome.body));
    // Search engines ignore entries that are not absolute URLs (sitemaps.org); so does the crawl.
    if (parsed.kind === 'urlset') urls.push(...parsed.locs.filter((loc) => URL.canParse(loc)).map((url) => ({ url, sitemap: outcome.url })));
    if (parsed.kind === 'sitemapindex') {
      for (const loc of parsed.locs) {
        const abs = URL.parse(loc, outcome.url)?.href;
        if (abs !== undefined && sameOrigin(abs, origin) && !seen.has(abs) && children.length < MAX_CHILDREN) {
          seen.add(abs);
          children.push(abs);
        }
      }
    }
  };
  sitemaps.forEach(read);
  if (children.length > 0 && !deadline.passed()) {
    const fetched = await Promise.all(children.map(fetchSitemap));
    fetched.forEach(read);
    sitemaps.push(...fetched);
  }
  return { sitemaps, urls };
}
