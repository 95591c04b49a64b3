// Collect: every network request of a scan, turned into ScanArtifacts for the (pure) checks.
// QUICK = the target page and its redirects, its TLS, the plain-http twin, robots.txt, sitemap.xml and the
// same-origin resources the page loads (SPEC §5). STANDARD and DEEP add the crawl and the probes on top of
// these artifacts (deeper.ts).
import { ScanError } from '../errors.js';
import { CORS_PROBE_ORIGIN } from '../probe-origin.js';
import { isFetchFailure, type FetchOutcome, type ScanArtifacts, type ScanOptions, type TlsFacts } from '../types.js';
import { Deadline, DEPTH_BUDGETS } from './budget.js';
import { collectDeeper } from './deeper.js';
import { FETCH_DEFAULTS, Fetcher } from './fetcher.js';
import { toPage } from './page.js';
import type { Resolver } from './resolver.js';
import { sameOriginResources } from './resources.js';
import type { AddressPolicy } from './target-safety.js';
import { httpTwin, normaliseTarget } from './target-url.js';
import { probeTls } from './tls-probe.js';
import { USER_AGENT } from './user-agent.js';

export { Fetcher, FETCH_DEFAULTS, type FetcherOptions, type FetchOptions } from './fetcher.js';
export { probeTls, type TlsProbeOptions } from './tls-probe.js';
export { normaliseTarget } from './target-url.js';
export { toPage, bodyText } from './page.js';
export { classifyAddress, refusalReason } from './target-safety.js';
export type { Resolver } from './resolver.js';
export { DEPTH_BUDGETS, type DepthBudget } from './budget.js';

/** A QUICK scan is "seconds" (SPEC §5); a minute is the most a stuck site may hold it. */
export const QUICK_SCAN_TIMEOUT_MS = DEPTH_BUDGETS.QUICK.scanTimeoutMs;
/** Google reads the first 500 KiB of robots.txt and ignores the rest (RFC 9309 §2.5 asks for at least that). */
const ROBOTS_MAX_BYTES = 500 * 1024;
/** Enough for a sitemap index or a few thousand URLs; the protocol's own limit (50 MB) is far above what we judge. */
const SITEMAP_MAX_BYTES = 2 * 1024 * 1024;
/** A subresource is weighed from its first 2 MB; larger ones are already "oversized" for every check. */
const RESOURCE_MAX_BYTES = 2 * 1024 * 1024;

export interface CollectOptions extends ScanOptions {
  /**
   * The plain-http URL fetched for an https target (to judge HTTP → HTTPS redirection). Default: the target
   * with http: on port 80. Tests and sites on non-standard ports set it.
   */
  httpUrl?: string;
  /** Name resolution; default the system resolver. */
  resolver?: Resolver;
  /** Which addresses may be connected to; default the target-safety rule for allowPrivateTargets. */
  policy?: AddressPolicy;
  /** Whole-request deadline per fetch (redirects included). */
  requestTimeoutMs?: number;
  /** Budget of each TLS handshake. */
  tlsTimeoutMs?: number;
}

class ScanDeadline extends Error {
  constructor(ms: number) {
    super(`Scan timed out: collection did not finish within ${Math.round(ms / 100) / 10} s`);
    this.name = 'ScanDeadline';
  }
}

/**
 * Gathers the artifacts of `target` at `options.depth` (default QUICK). Throws ScanError when there is no
 * page to judge at all, or when the scan's deadline passes (the crawl and the probes stop early instead).
 */
export async function collect(target: string, options: CollectOptions = {}): Promise<ScanArtifacts> {
  const collectedAt = Date.now();
  const url = normaliseTarget(target);
  const progress = options.onProgress ?? (() => undefined);
  const depth = options.depth ?? 'QUICK';
  const timeoutMs = options.scanTimeoutMs ?? DEPTH_BUDGETS[depth].scanTimeoutMs;
  const scanDeadline = Deadline.in(timeoutMs);

  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(new ScanDeadline(timeoutMs)), timeoutMs);
  const onAbort = (): void => controller.abort(options.signal!.reason);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;

  const fetcher = new Fetcher({
    allowPrivateTargets: options.allowPrivateTargets,
    connectTimeoutMs: options.connectTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    maxRedirects: options.maxRedirects,
    concurrency: options.concurrency,
    userAgent: options.userAgent,
    resolver: options.resolver,
    policy: options.policy,
    signal,
  });

  try {
    progress(`Fetching ${url.href}`);
    // The Origin lets the cors check tell a reflected Access-Control-Allow-Origin from a fixed one.
    const first = await fetcher.fetch(url, { headers: { origin: CORS_PROBE_ORIGIN } });
    if (isFetchFailure(first)) throw new ScanError(first.error, first.message);
    const page = toPage(first);
    const finalUrl = new URL(first.url);
    if (first.redirects.length > 0) progress(`Followed ${first.redirects.length} redirect(s) to ${first.url}`);

    let tls: Promise<TlsFacts | undefined> = Promise.resolve(undefined);
    if (finalUrl.protocol === 'https:') {
      const port = Number(finalUrl.port || 443);
      progress(`Probing TLS on ${finalUrl.hostname}:${port}`);
      tls = probeTls(finalUrl.hostname, port, {
        ca: options.ca,
        allowPrivateTargets: options.allowPrivateTargets,
        policy: options.policy,
        resolver: options.resolver,
        timeoutMs: options.tlsTimeoutMs,
        limit: fetcher.limit,
        signal,
      });
    }

    let http: Promise<FetchOutcome>;
    if (url.protocol === 'http:') {
      http = Promise.resolve(first);
    } else {
      const httpUrl = options.httpUrl ?? httpTwin(url).href;
      progress(`Checking ${httpUrl}`);
      http = fetcher.fetch(httpUrl);
    }

    progress('Fetching robots.txt and sitemap.xml');
    const robotsTxt = fetcher.fetch(new URL('/robots.txt', finalUrl), { maxBytes: ROBOTS_MAX_BYTES, headers: { accept: 'text/plain,*/*;q=0.8' } });
    const sitemapXml = fetcher.fetch(new URL('/sitemap.xml', finalUrl), { maxBytes: SITEMAP_MAX_BYTES, headers: { accept: 'application/xml,text/xml,*/*;q=0.8' } });

    const resourceUrls = page.$ ? sameOriginResources(page.$, first.url) : [];
    if (resourceUrls.length > 0) progress(`Fetching ${resourceUrls.length} resource(s) the page loads`);
    const resources = Promise.all(resourceUrls.map((r) => fetcher.fetch(r, { maxBytes: RESOURCE_MAX_BYTES, headers: { accept: '*/*' } })));

    // One Promise.all, so that when the scan is aborted every pending part's rejection is handled.
    const [httpOutcome, tlsFacts, robots, sitemap, fetched] = await Promise.all([http, tls, robotsTxt, sitemapXml, resources]);
    const artifacts: ScanArtifacts = {
      target: url.href,
      depth,
      page,
      http: httpOutcome,
      tls: tlsFacts,
      robotsTxt: robots,
      sitemapXml: sitemap,
      resources: fetched,
      pages: [page],
      collectedAt,
    };
    if (depth !== 'QUICK') {
      Object.assign(
        artifacts,
        await collectDeeper(fetcher, artifacts, {
          depth,
          userAgent: options.userAgent ?? USER_AGENT,
          concurrency: options.concurrency ?? FETCH_DEFAULTS.concurrency,
          maxPages: options.maxPages,
          crawlTimeoutMs: options.crawlTimeoutMs,
          libraryDataUrl: options.libraryDataUrl,
          scanDeadline,
          progress,
        }),
      );
    }
    progress('Collection finished');
    return artifacts;
  } catch (err) {
    if (signal.reason instanceof ScanDeadline) throw new ScanError('TIMEOUT', signal.reason.message);
    throw err;
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onAbort);
    await fetcher.close();
  }
}
