// The same-origin crawl of STANDARD and DEEP scans: breadth first from the target page, then the sitemap's
// URLs; each page once (crawl-url.ts); robots.txt honoured for our User-Agent; only HTML pages are parsed
// and kept; stops at the page or the time budget. Every request goes through the scan's Fetcher, whose
// semaphore keeps at most `concurrency` (4) requests in flight to the site. URLs found but not crawled are
// still checked with HEAD while the time budget lasts, so broken links are known beyond the page budget.
import type { Robots } from '../checks/seo/robots-rules.js';
import { isFetchFailure, type CrawlSummary, type FetchOutcome, type LinkCheck, type Page } from '../types.js';
import type { Deadline } from './budget.js';
import { looksNonHtml, pageKey, resolveLink } from './crawl-url.js';
import type { Fetcher } from './fetcher.js';
import { pageRefs } from './links.js';
import { isHtml, toPage } from './page.js';

/** Pages are read from their first 2 MB; a longer HTML document is already a finding of its own. */
export const PAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Where a linked URL is said to come from: the first few pages are enough to find the link. */
const MAX_SOURCES = 5;

export interface CrawlInput {
  fetcher: Fetcher;
  /** The target page, already fetched. */
  start: Page;
  /** URLs listed by the site's sitemaps, with the sitemap each comes from. */
  sitemapUrls: { url: string; sitemap: string }[];
  robots?: Robots;
  userAgent: string;
  maxPages: number;
  deadline: Deadline;
  timeLimitMs: number;
  /** Requests started at once; the fetcher's own limit holds anyway. */
  concurrency: number;
  /** HEAD checks of URLs not crawled (default four per page of budget). */
  maxLinkChecks?: number;
  /** URLs recorded at most (default twenty per page of budget, at least 1000). */
  maxUrls?: number;
  progress?: (message: string) => void;
}

export interface CrawlResult {
  pages: Page[];
  links: LinkCheck[];
  summary: CrawlSummary;
}

interface Entry {
  url: URL;
  key: string;
  check: LinkCheck;
  /** queued: a page candidate; link: checked with HEAD only; fetched: answered (or failed). */
  state: 'queued' | 'link' | 'fetched' | 'robots';
  /** Fetched with GET as a page candidate. */
  crawled: boolean;
}

function describeFailure(outcome: FetchOutcome): string {
  return isFetchFailure(outcome) ? `${outcome.error}: ${outcome.message}` : '';
}

export async function crawl(input: CrawlInput): Promise<CrawlResult> {
  const startedAt = Date.now();
  const { fetcher, start, deadline, maxPages } = input;
  const maxLinkChecks = input.maxLinkChecks ?? maxPages * 4;
  const maxUrls = input.maxUrls ?? Math.max(1000, maxPages * 20);
  const origin = new URL(start.response.url).origin;
  const entries = new Map<string, Entry>();
  const order: Entry[] = [];
  const queue: Entry[] = [];
  const linkOnly: Entry[] = [];
  let queueHead = 0;
  let linkHead = 0;
  let leftoverHead = 0;
  const pages: Page[] = [start];
  let inflightPages = 0;
  let linkChecks = 0;
  let disallowed = 0;
  let nonHtml = 0;

  const allowed = (url: URL): boolean => input.robots?.isAllowed(url.href, input.userAgent) !== false;

  const record = (url: URL): Entry | undefined => {
    const key = pageKey(url);
    const existing = entries.get(key);
    if (existing !== undefined) return existing;
    if (entries.size >= maxUrls) return undefined;
    const entry: Entry = { url, key, check: { url: url.href, sources: [], inSitemap: false }, state: 'queued', crawled: false };
    entries.set(key, entry);
    order.push(entry);
    if (!allowed(url)) {
      entry.state = 'robots';
      entry.check.unchecked = 'robots';
      disallowed++;
    } else if (looksNonHtml(url)) {
      entry.state = 'link';
      linkOnly.push(entry);
    } else {
      queue.push(entry);
    }
    return entry;
  };

  const answer = (entry: Entry, outcome: FetchOutcome, method: 'GET' | 'HEAD'): void => {
    entry.state = 'fetched';
    entry.check.method = method;
    if (isFetchFailure(outcome)) {
      // A request the time budget cut short says nothing about the link.
      if (outcome.error === 'TIMEOUT' && deadline.passed()) {
        entry.check.unchecked = 'budget';
        delete entry.check.method;
        entry.crawled = false;
      } else entry.check.error = describeFailure(outcome);
      return;
    }
    entry.check.status = outcome.status;
    if (outcome.url !== entry.url.href) entry.check.finalUrl = outcome.url;
  };

  const discover = (page: Page): void => {
    if (page.$ === undefined) return;
    const refs = pageRefs(page.$, page.response.url);
    if (refs.nofollow) return;
    for (const link of refs.links) {
      if (link.url.origin !== origin) continue;
      const entry = record(link.url);
      if (entry !== undefined && entry.check.sources.length < MAX_SOURCES && !entry.check.sources.some((s) => s.page === page.response.url)) {
        entry.check.sources.push({ page: page.response.url, href: link.href });
      }
    }
  };

  // The target page counts as visited under both the URL asked for and the URL that answered.
  for (const u of new Set([start.response.requestedUrl, start.response.url])) {
    const url = URL.parse(u);
    if (url === null || url.origin !== origin) continue;
    const entry = record(url);
    if (entry === undefined) continue;
    if (entry.state === 'queued') queue.splice(queue.indexOf(entry), 1);
    entry.crawled = true;
    answer(entry, start.response, 'GET');
  }
  discover(start);
  for (const { url, sitemap } of input.sitemapUrls) {
    const resolved = resolveLink(url, sitemap);
    if (resolved === undefined || resolved.origin !== origin) continue;
    const entry = record(resolved);
    if (entry !== undefined) entry.check.inSitemap = true;
  }

  const visitPage = async (entry: Entry): Promise<void> => {
    entry.crawled = true;
    const outcome = await fetcher.fetch(entry.url, { maxBytes: PAGE_MAX_BYTES, deadline: deadline.at });
    answer(entry, outcome, 'GET');
    if (isFetchFailure(outcome) || outcome.status < 200 || outcome.status > 299) return;
    if (!isHtml(outcome)) {
      nonHtml++;
      return;
    }
    const final = new URL(outcome.url);
    if (final.origin !== origin) return;
    const finalKey = pageKey(final);
    if (finalKey !== entry.key) {
      // A redirect to a page reached another way: keep one copy.
      const other = entries.get(finalKey);
      if (other !== undefined && other.crawled) return;
      if (other !== undefined) {
        other.crawled = true;
        answer(other, outcome, 'GET');
      } else {
        const added = record(final);
        if (added !== undefined) {
          if (added.state === 'queued') added.state = 'fetched';
          added.crawled = true;
          answer(added, outcome, 'GET');
        }
      }
    }
    const page = toPage(outcome);
    pages.push(page);
    if (pages.length % 10 === 0) input.progress?.(`Crawled ${pages.length} of at most ${maxPages} pages`);
    discover(page);
  };

  const checkLink = async (entry: Entry): Promise<void> => {
    linkChecks++;
    let outcome = await fetcher.fetch(entry.url, { method: 'HEAD', deadline: deadline.at });
    // Some servers do not implement HEAD (405, 501): ask with GET and read almost nothing.
    if (!isFetchFailure(outcome) && (outcome.status === 405 || outcome.status === 501) && !deadline.passed()) {
      answer(entry, outcome, 'HEAD');
      outcome = await fetcher.fetch(entry.url, { maxBytes: 1024, deadline: deadline.at });
      answer(entry, outcome, 'GET');
      return;
    }
    answer(entry, outcome, 'HEAD');
  };

  const nextPageCandidate = (): Entry | undefined => {
    while (queueHead < queue.length && queue[queueHead]!.state !== 'queued') queueHead++;
    return queue[queueHead];
  };

  const nextTask = (): (() => Promise<void>) | undefined => {
    if (deadline.passed()) return undefined;
    const candidate = nextPageCandidate();
    if (candidate !== undefined && pages.length + inflightPages < maxPages) {
      queueHead++;
      candidate.state = 'fetched';
      inflightPages++;
      return () => visitPage(candidate).finally(() => inflightPages--);
    }
    if (linkChecks >= maxLinkChecks) return undefined;
    while (linkHead < linkOnly.length && linkOnly[linkHead]!.state !== 'link') linkHead++;
    const link = linkOnly[linkHead];
    if (link !== undefined) {
      linkHead++;
      link.state = 'fetched';
      return () => checkLink(link);
    }
    // The page budget is spent for good: the remaining candidates are only checked.
    if (pages.length >= maxPages) {
      leftoverHead = Math.max(leftoverHead, queueHead);
      while (leftoverHead < queue.length && queue[leftoverHead]!.state !== 'queued') leftoverHead++;
      const leftover = queue[leftoverHead];
      if (leftover !== undefined) {
        leftoverHead++;
        leftover.state = 'fetched';
        return () => checkLink(leftover);
      }
    }
    return undefined;
  };

  const active = new Set<Promise<void>>();
  for (;;) {
    while (active.size < input.concurrency) {
      const task = nextTask();
      if (task === undefined) break;
      const running: Promise<void> = task().finally(() => active.delete(running));
      active.add(running);
    }
    if (active.size === 0) break;
    await Promise.race(active);
  }

  let notVisited = 0;
  for (const entry of order) {
    if (entry.state === 'queued' || entry.state === 'link') {
      entry.check.unchecked = 'budget';
      notVisited++;
    } else if (entry.check.unchecked === 'budget') notVisited++;
  }
  const candidatesLeft = order.some((e) => !e.crawled && e.state !== 'robots' && !looksNonHtml(e.url));
  const stoppedBy = !candidatesLeft ? 'complete' : pages.length >= maxPages ? 'pages' : 'time';
  if (stoppedBy !== 'complete') input.progress?.(`Crawl stopped by the ${stoppedBy === 'pages' ? `page budget (${maxPages})` : `time budget (${Math.round(input.timeLimitMs / 1000)} s)`}`);
  return {
    pages,
    links: order.map((e) => e.check),
    summary: {
      stoppedBy,
      pagesScanned: pages.length,
      maxPages,
      timeLimitMs: input.timeLimitMs,
      durationMs: Date.now() - startedAt,
      notVisited,
      disallowedByRobots: disallowed,
      nonHtml,
    },
  };
}
