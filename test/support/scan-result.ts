// Builds ScanResult objects in memory for the report's tests and bench: a realistic mix of findings
// (cycled to any count), the check outcomes that go with them, and scores from the real scoring model.
import { SCORING_VERSION, score } from '../../runner/src/scanner/scoring.js';
import type { Category, CheckOutcome, Finding, ScanResult } from '../../runner/src/scanner/types.js';

type Template = Omit<Finding, 'location'> & { checkTitle: string; header?: string; selector?: string; path: string };

const MDN = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/';

export const FINDING_TEMPLATES: Template[] = [
  {
    checkId: 'tls-certificate',
    checkTitle: 'TLS certificate',
    category: 'security',
    severity: 'critical',
    title: 'The TLS certificate has expired',
    description: 'Browsers refuse the connection with a full-page warning, and any visitor who clicks through can be intercepted.',
    evidence: 'notAfter=Mar  1 00:00:00 2025 GMT (CERT_HAS_EXPIRED), issuer: CN=R11, O=Let’s Encrypt, C=US',
    path: '/',
    remediation: 'Renew the certificate and automate renewal (for example with an ACME client) so it never lapses again.',
    references: ['https://letsencrypt.org/docs/faq/'],
  },
  {
    checkId: 'content-security-policy',
    checkTitle: 'Content-Security-Policy',
    category: 'security',
    severity: 'high',
    title: 'No Content-Security-Policy header',
    description: 'Without a `Content-Security-Policy`, any injected script runs with the full rights of the page, which turns a small HTML injection into account takeover.',
    evidence: 'No Content-Security-Policy header on the page response.',
    header: 'Content-Security-Policy',
    path: '/',
    remediation: "Send a policy that allows only your own scripts, for example `Content-Security-Policy: default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'`, and tighten it from the violation reports.",
    references: [`${MDN}Content-Security-Policy`, 'https://cheatsheetseries.owasp.org/cheatsheets/Content_Security_Policy_Cheat_Sheet.html'],
  },
  {
    checkId: 'cookie-flags',
    checkTitle: 'Cookie flags',
    category: 'security',
    severity: 'high',
    title: 'Session cookie sent without Secure and HttpOnly',
    description: 'The session cookie can be read by any script on the page and is also sent over plain HTTP, where anyone on the network can copy it.',
    evidence: 'Set-Cookie: SESSIONID=8f14e45fceea167a5a36dedd4bea2543; Path=/; SameSite=Lax',
    header: 'Set-Cookie',
    path: '/login',
    remediation: 'Add `Secure; HttpOnly` to the session cookie, and `SameSite=Lax` or `Strict`.',
    references: [`${MDN}Set-Cookie`],
  },
  {
    checkId: 'strict-transport-security',
    checkTitle: 'Strict-Transport-Security',
    category: 'security',
    severity: 'medium',
    title: 'Strict-Transport-Security max-age is shorter than six months',
    description: 'A short `max-age` lets the protection lapse between visits, so a first request over HTTP can be downgraded.',
    evidence: 'Strict-Transport-Security: max-age=3600',
    header: 'Strict-Transport-Security',
    path: '/',
    remediation: 'Send `Strict-Transport-Security: max-age=63072000; includeSubDomains` once every subdomain serves HTTPS.',
    references: [`${MDN}Strict-Transport-Security`, 'https://hstspreload.org/'],
  },
  {
    checkId: 'x-content-type-options',
    checkTitle: 'X-Content-Type-Options',
    category: 'security',
    severity: 'medium',
    title: 'X-Content-Type-Options header is missing',
    description: 'Without `nosniff`, browsers may interpret a response as a different content type than the one declared, which can turn user uploads into executable script.',
    evidence: 'No X-Content-Type-Options header on the page response.',
    header: 'X-Content-Type-Options',
    path: '/',
    remediation: 'Send `X-Content-Type-Options: nosniff` on every response.',
    references: [`${MDN}X-Content-Type-Options`],
  },
  {
    checkId: 'version-disclosure',
    checkTitle: 'Software version disclosure',
    category: 'security',
    severity: 'low',
    title: 'The server announces its software version',
    description: 'Exact version numbers let an attacker pick known exploits without probing.',
    evidence: 'Server: Apache/2.4.41 (Ubuntu)\nX-Powered-By: PHP/7.4.3',
    header: 'Server',
    path: '/',
    remediation: 'Remove the version from the `Server` header (`ServerTokens Prod`) and drop `X-Powered-By` (`expose_php = Off`).',
    references: ['https://owasp.org/www-project-web-security-testing-guide/'],
  },
  {
    checkId: 'meta-description',
    checkTitle: 'Meta description',
    category: 'seo',
    severity: 'medium',
    title: 'The page has no meta description',
    description: 'Search engines then pick a snippet from the page text, which is often a menu or a cookie banner.',
    evidence: '<head><title>Home</title><link rel="stylesheet" href="/assets/site.css"></head>',
    selector: 'head',
    path: '/',
    remediation: 'Add `<meta name="description" content="…">` with 120–160 characters describing the page.',
    references: ['https://developers.google.com/search/docs/appearance/snippet'],
  },
  {
    checkId: 'image-alt',
    checkTitle: 'Image alt text',
    category: 'seo',
    severity: 'low',
    title: 'Images without alt text',
    description: 'Screen readers announce these images as “image”, and image search cannot tell what they show.',
    evidence: '<img src="/uploads/2024/05/team-photo-final-v2.jpg" width="1200" height="800">',
    selector: 'img:nth-of-type(3)',
    path: '/about',
    remediation: 'Give every meaningful image an `alt` that says what it shows; decorative images get `alt=""`.',
    references: ['https://www.w3.org/WAI/tutorials/images/'],
  },
  {
    checkId: 'canonical',
    checkTitle: 'Canonical link',
    category: 'seo',
    severity: 'info',
    title: 'No canonical link',
    description: 'Without `rel="canonical"`, search engines choose between URL variants (with and without tracking parameters) themselves.',
    evidence: 'No <link rel="canonical"> in the page head.',
    selector: 'head',
    path: '/',
    remediation: 'Add `<link rel="canonical" href="https://…/">` pointing at the preferred URL of each page.',
    references: ['https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls'],
  },
  {
    checkId: 'compression',
    checkTitle: 'Text compression',
    category: 'traffic',
    severity: 'medium',
    title: 'Text responses are sent uncompressed',
    description: 'The HTML, CSS and JavaScript travel at full size; gzip or Brotli would cut them by about 70%.',
    evidence: 'GET /assets/app.js → 200, Content-Type: application/javascript, 412,337 bytes, no Content-Encoding',
    header: 'Content-Encoding',
    path: '/assets/app.js',
    remediation: 'Enable Brotli or gzip for text types on the server or CDN.',
    references: ['https://web.dev/articles/reduce-network-payloads-using-text-compression'],
  },
  {
    checkId: 'cache-control',
    checkTitle: 'Caching of static assets',
    category: 'traffic',
    severity: 'low',
    title: 'Static assets are not cacheable',
    description: 'Every visit downloads the same fingerprinted files again.',
    evidence: 'Cache-Control: no-store, no-cache, must-revalidate',
    header: 'Cache-Control',
    path: '/assets/site.css',
    remediation: 'Serve fingerprinted assets with `Cache-Control: public, max-age=31536000, immutable`.',
    references: [`${MDN}Cache-Control`],
  },
];

/** A plausible check list: one outcome per template check (failing when it has findings), plus a few more. */
function checksFor(findings: Finding[]): CheckOutcome[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.checkId, (counts.get(f.checkId) ?? 0) + 1);
  const checks: CheckOutcome[] = FINDING_TEMPLATES.map((t) => {
    const n = counts.get(t.checkId) ?? 0;
    return { id: t.checkId, category: t.category, title: t.checkTitle, status: n > 0 ? 'fail' : 'pass', findingsCount: n };
  });
  const extra: Array<[string, Category, string, CheckOutcome['status'], string?]> = [
    ['x-frame-options', 'security', 'Clickjacking protection', 'pass'],
    ['referrer-policy', 'security', 'Referrer-Policy', 'pass'],
    ['redirection', 'security', 'HTTP to HTTPS redirection', 'pass'],
    ['subresource-integrity', 'security', 'Subresource integrity of third-party scripts', 'not_applicable', 'The page loads no third-party scripts.'],
    ['robots-txt', 'seo', 'robots.txt', 'pass'],
    ['sitemap', 'seo', 'XML sitemap', 'error', 'sitemap.xml answered 503 Service Unavailable three times.'],
    ['page-weight', 'traffic', 'Page weight', 'pass'],
    ['http2', 'traffic', 'HTTP/2 or HTTP/3', 'pass'],
  ];
  for (const [id, category, title, status, message] of extra) {
    checks.push({ id, category, title, status, findingsCount: 0, ...(message ? { message } : {}) });
  }
  return checks;
}

/** `count` findings cycling through the templates, on as many pages as needed. */
export function findings(count: number, origin = 'https://example.com'): Finding[] {
  return Array.from({ length: count }, (_, i) => {
    const t = FINDING_TEMPLATES[i % FINDING_TEMPLATES.length]!;
    const round = Math.floor(i / FINDING_TEMPLATES.length);
    const path = round === 0 ? t.path : `${t.path.replace(/\/$/, '')}/page-${round}`;
    const { header, selector, path: _path, checkTitle: _title, ...rest } = t;
    return {
      ...rest,
      title: round === 0 ? t.title : `${t.title} (${round + 1})`,
      location: { url: `${origin}${path}`, ...(header ? { header } : {}), ...(selector ? { selector } : {}) },
    };
  });
}

/**
 * A small weak site: one finding in each category, and one problem found on two pages (which the report
 * prints once with both places).
 */
export function sampleFindings(origin = 'https://example.com'): Finding[] {
  const pick = (checkId: string) => findings(FINDING_TEMPLATES.length, origin).find((f) => f.checkId === checkId)!;
  const alt = pick('image-alt');
  return [
    pick('content-security-policy'),
    pick('compression'),
    pick('meta-description'),
    alt,
    { ...alt, evidence: '<img src="/img/logo-dark.svg" class="site-logo">', location: { url: `${origin}/team`, selector: 'header img' } },
  ];
}

export function scanResult(overrides: Partial<ScanResult> & { findings?: Finding[] } = {}): ScanResult {
  const url = overrides.url ?? 'https://example.com/';
  const list = overrides.findings ?? sampleFindings(new URL(url).origin);
  const pages = overrides.pages ?? [url, `${new URL(url).origin}/about`, `${new URL(url).origin}/login`];
  return {
    url,
    domain: new URL(url).hostname,
    depth: 'STANDARD',
    startedAt: '2025-11-29T18:40:00.000Z',
    completedAt: '2025-11-29T18:41:12.000Z',
    ...score(list),
    findings: list,
    checks: checksFor(list),
    pagesScanned: pages.length,
    pages,
    scoringVersion: SCORING_VERSION,
    ...overrides,
  };
}
