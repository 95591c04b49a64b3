// The scanner's vocabulary. Collect (collect/) turns a target into ScanArtifacts with all network I/O;
// each check (checks/<category>/<id>.ts) is a pure function of those artifacts; the engine (engine.ts)
// scores the findings (scoring.ts) into one ScanResult.
import type { CheerioAPI } from 'cheerio';

export const CATEGORIES = ['security', 'seo', 'traffic'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Ordered most to least severe. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Ordered shallow to deep: a check declared at STANDARD also runs at DEEP. */
export const DEPTHS = ['QUICK', 'STANDARD', 'DEEP'] as const;
export type Depth = (typeof DEPTHS)[number];

export interface FindingLocation {
  url: string;
  header?: string;
  selector?: string;
  line?: number;
}

export interface Finding {
  checkId: string;
  category: Category;
  severity: Severity;
  title: string;
  description: string;
  /** The header line, cookie, URL or snippet that proves the finding. */
  evidence: string;
  location: FindingLocation;
  remediation: string;
  references: string[];
}

/** What a check returns for one finding; the engine adds checkId and category. */
export type FindingDraft = Omit<Finding, 'checkId' | 'category'>;

/**
 * What a check's run() returns.
 * - findings: empty means the check passed.
 * - outcome: an optional slug naming the verdict (for the security headers, the MDN HTTP Observatory's
 *   outcome names, so our verdicts can be compared with theirs case by case).
 * - notApplicable: set (with the reason) when the artifacts do not allow a verdict, e.g. HSTS on a
 *   site served over plain HTTP only is judged by the redirection check instead.
 */
export interface CheckReturn {
  findings: FindingDraft[];
  outcome?: string;
  notApplicable?: string;
}

export interface Check {
  id: string;
  category: Category;
  /** The shallowest depth at which the check runs. */
  depth: Depth;
  /** What the check looks at, for the appendix of the report and `--json`. */
  title: string;
  run(artifacts: ScanArtifacts): CheckReturn;
}

export type CheckStatus = 'pass' | 'fail' | 'error' | 'not_applicable';

export interface CheckOutcome {
  id: string;
  category: Category;
  title: string;
  status: CheckStatus;
  outcome?: string;
  /** Why it errored or was not applicable. */
  message?: string;
  findingsCount: number;
}

// ---------------------------------------------------------------------------------------------
// Artifacts: everything the network said, as plain data (plus the parsed HTML of each page).

/** Header names are lower-case; a header sent several times (set-cookie) keeps every value in order. */
export type HeaderMap = Record<string, string[]>;

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
  headers: HeaderMap;
  remoteAddress: string;
}

export interface FetchedResponse {
  /** The URL requested (before redirects). */
  requestedUrl: string;
  /** The URL that answered last (after redirects). */
  url: string;
  status: number;
  headers: HeaderMap;
  /** The body as read, at most the cap; `truncated` tells whether the cap cut it. */
  body: Buffer;
  truncated: boolean;
  /** Bytes on the wire for the body as read (compressed size when the server compressed). */
  transferBytes: number;
  /** Every 3xx answered before the final response, in order. */
  redirects: RedirectHop[];
  /** The address actually connected to for the final response. */
  remoteAddress: string;
  httpVersion: string;
  /** Milliseconds from sending the request to the response headers of the final hop, and to the end of the body. */
  timings: { ttfbMs: number; totalMs: number };
}

/** A request that got no HTTP answer (refused, timeout, DNS, TLS, blocked address). */
export interface FetchFailure {
  requestedUrl: string;
  error: FetchErrorCode;
  message: string;
}

export type FetchErrorCode =
  | 'DNS'
  | 'REFUSED'
  | 'TIMEOUT'
  | 'TLS'
  | 'BLOCKED_ADDRESS'
  | 'TOO_MANY_REDIRECTS'
  | 'INVALID_URL'
  | 'NETWORK';

export type FetchOutcome = FetchedResponse | FetchFailure;

export function isFetchFailure(o: FetchOutcome | undefined): o is FetchFailure {
  return o !== undefined && 'error' in o;
}

export interface TlsFacts {
  host: string;
  port: number;
  /** Whether the chain is trusted (by the system store plus any extra CAs given to the scan). */
  trusted: boolean;
  /** OpenSSL's reason when not trusted, e.g. CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT. */
  trustError?: string;
  hostnameMatches: boolean;
  subject?: string;
  issuer?: string;
  subjectAltNames: string[];
  validFrom?: string;
  validTo?: string;
  /** Whole days until validTo, negative when expired. */
  daysLeft?: number;
  keyBits?: number;
  /** Negotiated protocol of a default handshake, e.g. TLSv1.3. */
  protocol?: string;
  /** Negotiated ALPN protocol ('h2', 'http/1.1') or null when none. */
  alpn: string | null;
  /** Whether a handshake limited to that version succeeded; null when the probe could not tell. */
  legacy: { tls10: boolean | null; tls11: boolean | null };
  /** Set when no handshake could be made at all. */
  error?: string;
}

export interface Page {
  response: FetchedResponse;
  /** Parsed HTML when the response is HTML. */
  $?: CheerioAPI;
}

export interface ScanArtifacts {
  /** The URL the user asked for, normalised. */
  target: string;
  depth: Depth;
  /** The page the target leads to after redirects. */
  page: Page;
  /**
   * When the target is https: the same host over plain http (to judge HTTP → HTTPS redirection).
   * When the target is http: the target's own response chain (the same fetch as `page`).
   */
  http?: FetchOutcome;
  /** Present when the final page is served over https. */
  tls?: TlsFacts;
  robotsTxt?: FetchOutcome;
  sitemapXml?: FetchOutcome;
  /** Same-origin resources the page references (scripts, stylesheets, images), fetched for weight and caching. */
  resources: FetchOutcome[];
  /** Every HTML page scanned, the target page first (more than one when crawling). */
  pages: Page[];
  /** Epoch milliseconds when collection began; checks use it instead of Date.now() so they stay pure. */
  collectedAt: number;

  // STANDARD and DEEP (absent at QUICK).
  /** How the same-origin crawl went: which budget stopped it and how many pages it scanned. */
  crawl?: CrawlSummary;
  /** Every same-origin URL the crawl found (links, sitemap entries) with the answer when it was checked. */
  links?: LinkCheck[];
  /** Same-origin scripts, stylesheets and images of every crawled page other than those in `resources`. */
  siteResources?: FetchOutcome[];
  /** The sitemaps read: /sitemap.xml (the same fetch as `sitemapXml`), those robots.txt names, children of an index. */
  sitemaps?: FetchOutcome[];
  /** Every script the crawled pages load (any origin), fetched for fingerprinting. */
  scripts?: LoadedScript[];
  /** Answers to random paths that cannot exist: how the site says "not found" (a soft-404 site answers 200). */
  notFoundBaseline?: FetchOutcome[];
  /** Answers to the exposed-file probes (rules/exposures.ts). */
  exposures?: ExposureProbe[];
  /** Answers for the folders of discovered assets (a listing shows up here). */
  directoryListings?: FetchOutcome[];
  /** /.well-known/security.txt, then /security.txt when the first is missing (RFC 9116 §3). */
  securityTxt?: FetchOutcome[];
  /** DEEP only: the answers to the harmless active probes. */
  activeProbes?: ActiveProbe[];
  /** A vulnerable-library table refreshed at run time; the bundled one is used when absent. */
  libraryTable?: JsLibraryTable;
}

export type CrawlStop = 'complete' | 'pages' | 'time';

export interface CrawlSummary {
  /** complete: nothing left to visit; pages: the page budget ran out; time: the time budget ran out. */
  stoppedBy: CrawlStop;
  pagesScanned: number;
  maxPages: number;
  timeLimitMs: number;
  durationMs: number;
  /** Same-origin URLs found but not visited or checked (budget). */
  notVisited: number;
  /** Same-origin URLs robots.txt keeps our crawler away from. */
  disallowedByRobots: number;
  /** URLs fetched that answered with something other than HTML. */
  nonHtml: number;
}

export interface LinkSource {
  /** The page (or sitemap) where the URL was found. */
  page: string;
  /** The reference as written there, e.g. the href of the <a>. */
  href: string;
}

export interface LinkCheck {
  /** Absolute, without fragment. */
  url: string;
  /** Where it was found, first few places. */
  sources: LinkSource[];
  inSitemap: boolean;
  /** Final status after redirects; absent when not checked or when the request failed. */
  status?: number;
  /** The URL that answered after redirects. */
  finalUrl?: string;
  /** Why there is no status: the failure, e.g. "TIMEOUT: …". */
  error?: string;
  method?: 'GET' | 'HEAD';
  /** Why it was not checked. */
  unchecked?: 'robots' | 'budget';
}

export interface LoadedScript {
  url: string;
  /** Pages that load it, first few. */
  pages: string[];
  /** The fetch, absent when the budget left none. */
  response?: FetchOutcome;
}

export interface ExposureProbe {
  /** The id of the rule in rules/exposures.ts. */
  ruleId: string;
  response: FetchOutcome;
  /** For source maps: the script the map belongs to. */
  via?: string;
}

export type ActiveProbeKind = 'cors-origin' | 'cors-null' | 'open-redirect' | 'reflected-input' | 'trace' | 'error-input';

export interface ActiveProbe {
  kind: ActiveProbeKind;
  method: 'GET' | 'OPTIONS' | 'TRACE';
  /** The URL requested. */
  url: string;
  /** The headers we set for the probe (beyond the usual ones). */
  headers: Record<string, string>;
  /** The query parameter used, when there is one. */
  param?: string;
  /** What we sent that must not come back: the origin, the redirect host, the reflected text. */
  marker?: string;
  response: FetchOutcome;
}

/** Known-vulnerable JavaScript library versions (rules/js-libraries.json has the shape and the facts). */
export interface JsLibraryTable {
  /** When the facts were last checked, e.g. "2026-08-22". */
  updated: string;
  libraries: JsLibrary[];
}

export interface JsLibrary {
  id: string;
  name: string;
  /** Regular expressions (strings); `§V` stands for a version and is written inside a capture group: `(§V)`. */
  detect: { urls?: string[]; content?: string[] };
  vulnerabilities: JsVulnerability[];
  /** Versions below this get no security fixes at all any more. */
  endOfLife?: { below: string; note: string };
}

export interface JsVulnerability {
  /**
   * Vulnerable when some range holds: atOrAbove ≤ version < below. A missing atOrAbove reaches back to the
   * first version; a missing below means no fixed version exists. A range's below is the fix for its branch.
   */
  ranges: { atOrAbove?: string; below?: string }[];
  severity: Severity;
  /** CVE ids; empty when the advisory has none. */
  cve: string[];
  /** The GitHub advisory id. */
  ghsa?: string;
  summary: string;
}

// ---------------------------------------------------------------------------------------------
// The result: what becomes the API's scan detail.

export type Grade = 'A+' | 'A' | 'B' | 'C' | 'D' | 'F';

export interface ScanResult {
  url: string;
  domain: string;
  depth: Depth;
  startedAt: string;
  completedAt: string;
  overallScore: number;
  grade: Grade;
  securityScore: number;
  seoScore: number;
  trafficScore: number;
  findings: Finding[];
  checks: CheckOutcome[];
  pagesScanned: number;
  pages: string[];
  scoringVersion: string;
  /** STANDARD and DEEP: which crawl budget stopped the crawl (artifacts.crawl). */
  crawl?: CrawlSummary;
}

export interface ScanOptions {
  depth?: Depth;
  /** Allow targets that resolve to loopback, private, link-local or metadata addresses (SPEC §5). */
  allowPrivateTargets?: boolean;
  /** Extra trusted CA certificates (PEM), for test sites and private PKIs. */
  ca?: string[];
  /** Per-request limits. */
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
  /** Requests in flight to one target at once. */
  concurrency?: number;
  /** The whole scan's budget; collection stops and the scan fails with TIMEOUT when it passes. */
  scanTimeoutMs?: number;
  userAgent?: string;
  /** Crawl budget in HTML pages, the target included. Default STANDARD 25, DEEP 200. */
  maxPages?: number;
  /** Crawl budget in time. Default STANDARD 60 s, DEEP 5 min. */
  crawlTimeoutMs?: number;
  /**
   * Where to refresh the vulnerable-library table from at run time: a retire.js repository JSON
   * (RETIRE_REPOSITORY_URL). Unset (the default): the bundled table only.
   */
  libraryDataUrl?: string;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}
