// What the crawled pages load: their same-origin assets (for site-wide caching, compression and image
// weight) and every script, whatever its origin (for fingerprinting known-vulnerable libraries). Each URL
// is fetched once; the target page's own resources (QUICK) are reused.
import { isFetchFailure, type FetchOutcome, type LoadedScript, type Page } from '../types.js';
import type { Deadline } from './budget.js';
import { resolveLink } from './crawl-url.js';
import type { Fetcher } from './fetcher.js';
import { baseOf } from './links.js';
import { sameOriginResources } from './resources.js';

/** Assets are weighed from their first 2 MB, as in QUICK (collect/index.ts). */
export const ASSET_MAX_BYTES = 2 * 1024 * 1024;
/** Enough to judge delivery site-wide; a large site repeats the same assets on every page. */
export const MAX_SITE_RESOURCES = 200;
/** Scripts fingerprinted at most; sites load far fewer distinct ones. */
export const MAX_SCRIPTS = 60;
const MAX_SCRIPT_PAGES = 5;

export interface GatheredAssets {
  siteResources: FetchOutcome[];
  scripts: LoadedScript[];
}

function urlOf(outcome: FetchOutcome): string {
  return outcome.requestedUrl;
}

/** The scripts a page loads (src of <script>), absolute, in page order. */
export function pageScripts(page: Page): string[] {
  const $ = page.$;
  if ($ === undefined) return [];
  const base = baseOf($, page.response.url);
  const out: string[] = [];
  $('script[src]').each((_i, el) => {
    const url = resolveLink($(el).attr('src') ?? '', base);
    if (url !== undefined && !out.includes(url.href)) out.push(url.href);
  });
  return out;
}

export async function gatherAssets(fetcher: Fetcher, pages: Page[], pageResources: FetchOutcome[], deadline: Deadline): Promise<GatheredAssets> {
  const known = new Map<string, Promise<FetchOutcome>>();
  for (const r of pageResources) known.set(urlOf(r), Promise.resolve(r));
  const get = (url: string): Promise<FetchOutcome> => {
    let p = known.get(url);
    if (p === undefined) {
      p = fetcher.fetch(url, { maxBytes: ASSET_MAX_BYTES, deadline: deadline.at, headers: { accept: '*/*' } });
      known.set(url, p);
    }
    return p;
  };

  const siteUrls: string[] = [];
  for (const page of pages.slice(1)) {
    if (page.$ === undefined) continue;
    for (const url of sameOriginResources(page.$, page.response.url)) {
      if (!known.has(url) && !siteUrls.includes(url) && siteUrls.length < MAX_SITE_RESOURCES) siteUrls.push(url);
    }
  }
  const scripts = new Map<string, string[]>();
  for (const page of pages) {
    for (const url of pageScripts(page)) {
      const loadedBy = scripts.get(url);
      if (loadedBy === undefined) {
        if (scripts.size < MAX_SCRIPTS) scripts.set(url, [page.response.url]);
      } else if (loadedBy.length < MAX_SCRIPT_PAGES && !loadedBy.includes(page.response.url)) loadedBy.push(page.response.url);
    }
  }

  const siteResources = siteUrls.map(get);
  const loaded = [...scripts].map(async ([url, loadedBy]): Promise<LoadedScript> => {
    const response = await get(url);
    // Past the budget the script is still listed: its URL alone often names the library and version.
    return isFetchFailure(response) && response.error === 'TIMEOUT' && deadline.passed() ? { url, pages: loadedBy } : { url, pages: loadedBy, response };
  });
  const [resources, scriptList] = await Promise.all([Promise.all(siteResources), Promise.all(loaded)]);
  return { siteResources: resources, scripts: scriptList };
}
