// Cookies: every Set-Cookie the page and its redirects send (and the plain-HTTP probe, where cookies
// travel in clear). Verdicts follow the MDN HTTP Observatory (src/analyzer/tests/cookies.js): Secure on
// every cookie, HttpOnly on session cookies, a valid SameSite, SameSite on anti-CSRF cookies. Evidence
// never shows a cookie's value.
import { hstsProtects } from '../../security/hsts.js';
import { domainAccepted, parseSetCookie, prefixViolation, redactedLine, type SetCookie } from '../../security/set-cookie.js';
import { headerValues } from '../../headers.js';
import type { Check, FindingDraft, HeaderMap, ScanArtifacts, Severity } from '../../types.js';
import { isFetchFailure } from '../../types.js';

const REFERENCES = [
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie',
  'https://developer.mozilla.org/en-US/docs/Web/Security/Practical_implementation_guides/Cookies',
];

/** Best to worst problem outcomes (the Observatory's order), with the severity of each modifier. */
const PROBLEMS = [
  ['cookies-without-secure-flag-but-protected-by-hsts', 'low'], // -5
  ['cookies-without-secure-flag', 'medium'], // -20
  ['cookies-session-without-secure-flag-but-protected-by-hsts', 'medium'], // -10
  ['cookies-samesite-flag-invalid', 'medium'], // -20
  ['cookies-anticsrf-without-samesite-flag', 'medium'], // -20
  ['cookies-session-without-httponly-flag', 'high'], // -30
  ['cookies-session-without-secure-flag', 'high'], // -40
] as const satisfies readonly (readonly [string, Severity])[];
type Problem = (typeof PROBLEMS)[number][0];
const RANK = new Map<string, number>(PROBLEMS.map(([slug], i) => [slug, i]));
const SEVERITY = new Map<string, Severity>(PROBLEMS);

/** Set by the Heroku router, not by the site (the Observatory ignores it too). */
const PLATFORM_COOKIES = new Set(['heroku-session-affinity']);

/** The Observatory's "login"/"sess", plus the common session names that lack them (connect.sid, auth, jwt). */
export function isSessionCookie(name: string): boolean {
  const n = name.toLowerCase();
  if (isAntiCsrfCookie(n)) return false;
  return /login|sess|auth|token|jwt/.test(n) || /(^|[._-])sid$/.test(n);
}

/** Anti-CSRF tokens (csrftoken, XSRF-TOKEN) must be readable by script, but need SameSite. */
export function isAntiCsrfCookie(name: string): boolean {
  return /csrf|xsrf/.test(name.toLowerCase());
}

interface Sent {
  cookie: SetCookie;
  /** The URL whose response set it. */
  url: string;
}

function fromHeaders(headers: HeaderMap, url: string, out: Sent[], seen: Set<string>): void {
  const scheme = url.slice(0, url.indexOf(':'));
  for (const line of headerValues(headers, 'set-cookie')) {
    const key = `${scheme} ${line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ cookie: parseSetCookie(line), url });
  }
}

/** Every Set-Cookie of the plain-HTTP probe, the page's redirects and the page, deduplicated. */
export function collectCookies({ http, page }: Pick<ScanArtifacts, 'http' | 'page'>): Sent[] {
  const out: Sent[] = [];
  const seen = new Set<string>();
  const responses = http !== undefined && !isFetchFailure(http) && http !== page.response ? [http, page.response] : [page.response];
  for (const res of responses) {
    for (const hop of res.redirects) fromHeaders(hop.headers, hop.url, out, seen);
    fromHeaders(res.headers, res.url, out, seen);
  }
  return out;
}

/**
 * Whether the cookie is the site's and a browser stores it: not a platform cookie, a Domain that covers
 * the host that set it, and the name prefix rules met (RFC 6265bis §5.7).
 */
function stored({ cookie, url }: Sent): boolean {
  return !PLATFORM_COOKIES.has(cookie.name.toLowerCase()) && domainAccepted(cookie, hostOf(url)) && prefixViolation(cookie) === undefined;
}

/** RFC 6265bis §5.1.4: the directory of the request path. */
function defaultPath(url: string): string {
  try {
    const path = new URL(url).pathname;
    const cut = path.lastIndexOf('/');
    return cut <= 0 ? '/' : path.slice(0, cut);
  } catch {
    return '/';
  }
}

/** What the browser keeps: a later cookie with the same name, domain and path replaces the earlier one (§5.7). */
export function cookieJar(sent: Sent[]): Sent[] {
  const jar = new Map<string, Sent>();
  for (const s of sent) {
    const key = `${s.cookie.name}|${s.cookie.domain ?? hostOf(s.url)}|${s.cookie.path ?? defaultPath(s.url)}`;
    jar.delete(key);
    jar.set(key, s);
  }
  return [...jar.values()];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export const cookies: Check = {
  id: 'cookies',
  category: 'security',
  depth: 'QUICK',
  title: 'Cookies (Secure, HttpOnly, SameSite, prefixes)',
  run(artifacts) {
    const hsts = hstsProtects(artifacts);
    const findings: FindingDraft[] = [];
    const withoutSameSite: Sent[] = [];
    let worst: Problem | undefined;
    let judged = 0;

    const sent = collectCookies(artifacts);
    // A rejected Set-Cookie is ignored entirely, so it does not replace an earlier cookie of the same name.
    const kept = cookieJar(sent.filter(stored));
    for (const { cookie, url } of sent) {
      if (kept.some((k) => k.cookie === cookie)) continue;
      const prefix = prefixViolation(cookie);
      if (prefix !== undefined && !PLATFORM_COOKIES.has(cookie.name.toLowerCase())) {
        findings.push({
          severity: 'low',
          title: `Cookie "${cookie.name}" breaks its name prefix rules`,
          description: `Browsers reject this cookie: ${prefix}. Whatever the site expects it to carry is never stored.`,
          evidence: redactedLine(cookie),
          location: { url, header: 'Set-Cookie' },
          remediation: `Set it as \`Set-Cookie: ${cookie.name}=…; Path=/; Secure; HttpOnly; SameSite=Lax\` (no Domain attribute for __Host-).`,
          references: REFERENCES,
        });
      }
      // Like the Observatory, judge SameSite on every Set-Cookie line, including ones the browser drops.
      if (cookie.sameSiteInvalid) {
        worst = 'cookies-samesite-flag-invalid';
        findings.push({
          severity: 'medium',
          title: `Cookie "${cookie.name}" has an invalid SameSite value`,
          description: 'Browsers only understand SameSite=Strict, Lax or None; anything else is treated as if SameSite were absent.',
          evidence: redactedLine(cookie),
          location: { url, header: 'Set-Cookie' },
          remediation: 'Set it with `SameSite=Lax` (or Strict).',
          references: REFERENCES,
        });
      }
    }

    for (const entry of kept) {
      const { cookie, url } = entry;
      judged++;
      const overHttp = url.startsWith('http:');
      // A Secure cookie sent over plain HTTP is rejected by browsers (RFC 6265bis §5.7), so it is no better.
      const secure = cookie.secure && !overHttp;
      const session = isSessionCookie(cookie.name);
      const antiCsrf = isAntiCsrfCookie(cookie.name);
      const problems: [Problem, string][] = [];
      if (cookie.sameSiteInvalid) problems.push(['cookies-samesite-flag-invalid', 'has an invalid SameSite value']);
      else if (cookie.sameSite === 'none' && !secure) problems.push(['cookies-samesite-flag-invalid', 'uses SameSite=None without Secure (browsers reject it)']);
      if (!secure) {
        const what = overHttp ? 'is set over plain HTTP' : 'lacks Secure';
        if (session) problems.push([hsts ? 'cookies-session-without-secure-flag-but-protected-by-hsts' : 'cookies-session-without-secure-flag', what]);
        else problems.push([hsts ? 'cookies-without-secure-flag-but-protected-by-hsts' : 'cookies-without-secure-flag', what]);
      }
      if (antiCsrf && cookie.sameSite === undefined) problems.push(['cookies-anticsrf-without-samesite-flag', 'is an anti-CSRF token without SameSite']);
      if (session && !cookie.httpOnly) problems.push(['cookies-session-without-httponly-flag', 'is a session cookie without HttpOnly']);

      for (const [slug] of problems) if (worst === undefined || RANK.get(slug)! > RANK.get(worst)!) worst = slug;
      if (problems.length === 0) {
        if (cookie.sameSite === undefined) withoutSameSite.push(entry);
        continue;
      }
      const severity = problems.map(([slug]) => SEVERITY.get(slug)!).sort((x, y) => severityRank(x) - severityRank(y))[0]!;
      findings.push({
        severity,
        title: `Cookie "${cookie.name}" ${problems.map(([, what]) => what).join(', ')}`,
        description: describe(session, antiCsrf, hsts),
        evidence: redactedLine(cookie),
        location: { url, header: 'Set-Cookie' },
        remediation: `Set it as \`${suggested(cookie, session, antiCsrf)}\`.`,
        references: REFERENCES,
      });
    }

    // Cookies browsers reject are never stored: the Observatory's jar would be empty too.
    if (judged === 0) return { outcome: 'cookies-not-found', findings };
    if (worst !== undefined) return { outcome: worst, findings };
    if (withoutSameSite.length > 0) {
      findings.push({
        severity: 'info',
        title: `${withoutSameSite.length === 1 ? 'Cookie' : 'Cookies'} ${withoutSameSite.map((s) => `"${s.cookie.name}"`).join(', ')} without SameSite`,
        description: 'Without SameSite, browsers other than Chromium send the cookie on requests from other sites, which cross-site request forgery relies on.',
        evidence: withoutSameSite.map((s) => redactedLine(s.cookie)).join('\n'),
        location: { url: withoutSameSite[0]!.url, header: 'Set-Cookie' },
        remediation: 'Add `SameSite=Lax` (or `Strict`) to each of them.',
        references: REFERENCES,
      });
      return { outcome: 'cookies-secure-with-httponly-sessions', findings };
    }
    return { outcome: 'cookies-secure-with-httponly-sessions-and-samesite', findings };
  },
};

const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
function severityRank(s: Severity): number {
  return SEVERITY_ORDER.indexOf(s);
}

function describe(session: boolean, antiCsrf: boolean, hsts: boolean): string {
  const parts = [
    session
      ? 'This looks like a session cookie: whoever reads it can act as the user. HttpOnly keeps it from scripts (cross-site scripting), Secure keeps it off plain HTTP.'
      : antiCsrf
        ? 'This looks like an anti-CSRF token; SameSite keeps other sites from making the browser send it.'
        : 'Secure keeps the cookie off plain-HTTP requests, where anyone on the network can read or change it.',
  ];
  if (hsts) parts.push('HSTS already keeps browsers that have visited the site on HTTPS, which lowers the risk.');
  return parts.join(' ');
}

function suggested(cookie: SetCookie, session: boolean, antiCsrf: boolean): string {
  const sameSite = cookie.sameSite === 'strict' ? 'Strict' : cookie.sameSite === 'none' ? 'None' : 'Lax';
  const attrs = ['Path=/', 'Secure', ...(session ? ['HttpOnly'] : []), `SameSite=${sameSite}`];
  const name = session && !antiCsrf && !cookie.name.startsWith('__') && cookie.domain === undefined ? `__Host-${cookie.name}` : cookie.name;
  return `Set-Cookie: ${name}=…; ${attrs.join('; ')}`;
}
