// STANDARD and DEEP collection on top of the QUICK artifacts: the crawl (within its page and time budget),
// then the assets and scripts of every crawled page, the not-found baseline, and the probes — exposed
// files, directory listings, security.txt and, at DEEP, the active probes — until the scan's deadline nears.
import { parseRobots, robotsText, type Robots } from '../checks/seo/robots-rules.js';
import { isFetchFailure, type Depth, type FetchOutcome, type ScanArtifacts } from '../types.js';
import { Deadline, DEPTH_BUDGETS, PROBE_MARGIN_MS } from './budget.js';
import { crawl } from './crawl.js';
import type { Fetcher } from './fetcher.js';
import { refreshLibraryTable } from './library-data.js';
import { runActiveProbes } from './probes/active.js';
import { probeDirectories } from './probes/directories.js';
import { probeExposures } from './probes/exposures.js';
import { fetchNotFoundBaseline } from './probes/not-found.js';
import { fetchSecurityTxt } from './probes/security-txt.js';
import { gatherAssets } from './site-assets.js';
import { gatherSitemaps } from './sitemaps.js';

export interface DeeperOptions {
  depth: Exclude<Depth, 'QUICK'>;
  userAgent: string;
  concurrency: number;
  maxPages?: number;
  crawlTimeoutMs?: number;
  libraryDataUrl?: string;
  /** The whole scan's hard deadline. */
  scanDeadline: Deadline;
  progress: (message: string) => void;
}

/**
 * The rules robots.txt sets for crawling: none when it is missing (4xx) or unreadable, and a complete
 * disallow when the server fails (5xx), as RFC 9309 §2.3.1.3–4 asks of crawlers.
 */
export function crawlRules(robotsTxt: FetchOutcome | undefined): Robots | undefined {
  if (robotsTxt === undefined || isFetchFailure(robotsTxt)) return undefined;
  const url = new URL('/robots.txt', robotsTxt.url).href;
  if (robotsTxt.status >= 500) return parseRobots(url, 'User-agent: *\nDisallow: /\n');
  if (robotsTxt.status < 200 || robotsTxt.status > 299) return undefined;
  return parseRobots(url, robotsText(robotsTxt.body));
}

export async function collectDeeper(fetcher: Fetcher, quick: ScanArtifacts, options: DeeperOptions): Promise<Partial<ScanArtifacts>> {
  const { depth, progress, scanDeadline } = options;
  const deep = depth === 'DEEP';
  const budget = DEPTH_BUDGETS[depth];
  const maxPages = Math.max(1, options.maxPages ?? budget.maxPages);
  const timeLimitMs = options.crawlTimeoutMs ?? budget.crawlTimeoutMs;
  const origin = new URL(quick.page.response.url).origin;
  const crawlDeadline = new Deadline(Math.min(Date.now() + timeLimitMs, scanDeadline.at - PROBE_MARGIN_MS));
  const robots = crawlRules(quick.robotsTxt);

  const sitemaps = await gatherSitemaps(fetcher, quick.sitemapXml, robots, origin, crawlDeadline);
  progress(`Crawling ${origin} (at most ${maxPages} pages in ${Math.round(timeLimitMs / 1000)} s)`);
  const crawled = await crawl({
    fetcher,
    start: quick.page,
    sitemapUrls: sitemaps.urls,
    robots,
    userAgent: options.userAgent,
    maxPages,
    deadline: crawlDeadline,
    timeLimitMs,
    concurrency: options.concurrency,
    progress,
  });
  progress(`Crawled ${crawled.pages.length} page(s)`);

  const probeDeadline = new Deadline(scanDeadline.at - PROBE_MARGIN_MS);
  progress('Fetching the scripts and assets of the crawled pages');
  const assets = await gatherAssets(fetcher, crawled.pages, quick.resources, probeDeadline);
  progress('Learning how the site answers for missing pages');
  const notFoundBaseline = await fetchNotFoundBaseline(fetcher, origin, probeDeadline);
  progress(`Probing for exposed files${deep ? ', then the active probes' : ''}`);
  const [exposures, directoryListings, securityTxt, activeProbes, libraryTable] = await Promise.all([
    probeExposures(fetcher, origin, deep, assets.scripts, probeDeadline),
    probeDirectories(fetcher, origin, [...quick.resources, ...assets.siteResources], deep, probeDeadline),
    fetchSecurityTxt(fetcher, origin, probeDeadline),
    deep ? runActiveProbes(fetcher, quick.page.response.url, crawled.links, probeDeadline) : Promise.resolve(undefined),
    options.libraryDataUrl ? refreshLibraryTable(fetcher, options.libraryDataUrl, probeDeadline, progress) : Promise.resolve(undefined),
  ]);
  return {
    pages: crawled.pages,
    crawl: crawled.summary,
    links: crawled.links,
    sitemaps: sitemaps.sitemaps,
    siteResources: assets.siteResources,
    scripts: assets.scripts,
    notFoundBaseline,
    exposures,
    directoryListings,
    securityTxt,
    ...(activeProbes ? { activeProbes } : {}),
    ...(libraryTable ? { libraryTable } : {}),
  };
}
