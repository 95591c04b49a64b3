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
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}
