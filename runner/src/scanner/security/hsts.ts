// Strict-Transport-Security (RFC 6797 §6.1), judged as the MDN HTTP Observatory does
// (src/analyzer/tests/strict-transport-security.js): the page's header, on a trusted certificate.
import { header } from '../headers.js';
import type { ScanArtifacts } from '../types.js';

/** Best to worst. The Observatory's `hsts-preloaded` needs the browsers' preload list, which we do not ship. */
export const HSTS_OUTCOMES = [
  'hsts-implemented-max-age-at-least-six-months',
  'hsts-implemented-max-age-less-than-six-months',
  'hsts-not-implemented',
  'hsts-header-invalid',
  'hsts-not-implemented-no-https',
  'hsts-invalid-cert',
] as const;
export type HstsOutcome = (typeof HSTS_OUTCOMES)[number];

/** Six months is 15,768,000 s, but 180 days (15,552,000 s) is common and the Observatory accepts it. */
export const SIX_MONTHS = 15_552_000;
/** hstspreload.org requires at least one year (31,536,000 s) for preloading. */
export const ONE_YEAR = 31_536_000;

export interface HstsPolicy {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** Parses one header value; a string saying what is wrong when it is invalid. */
export function parseHsts(value: string): HstsPolicy | string {
  // A comma means the header was sent more than once (RFC 9110 §5.3); RFC 6797 §8.1 keeps only the first,
  // and the Observatory calls it invalid so that the duplicate gets noticed.
  if (value.includes(',')) return 'the header is sent more than once';
  const seen = new Set<string>();
  let maxAge: number | undefined;
  let includeSubDomains = false;
  let preload = false;
  for (const raw of value.split(';')) {
    const directive = raw.trim();
    if (directive === '') continue;
    const m = /^([A-Za-z0-9-]+)\s*(?:=\s*(.*))?$/.exec(directive);
    if (m === null) return `"${directive}" is not a directive`;
    const name = m[1]!.toLowerCase();
    // RFC 6797 §6.1: every directive appears at most once.
    if (seen.has(name)) return `the directive ${name} appears twice`;
    seen.add(name);
    if (name === 'max-age') {
      const v = (m[2] ?? '').trim().replace(/^"(.*)"$/, '$1');
      if (!/^\d+$/.test(v)) return `max-age "${m[2] ?? ''}" is not a number of seconds`;
      maxAge = Number(v);
    } else if (name === 'includesubdomains') includeSubDomains = true;
    else if (name === 'preload') preload = true;
  }
  if (maxAge === undefined) return 'max-age is missing';
  return { maxAge, includeSubDomains, preload };
}

export interface HstsAnalysis {
  outcome: HstsOutcome;
  value?: string;
  policy?: HstsPolicy;
  invalidReason?: string;
}

export function analyzeHsts({ page, tls }: Pick<ScanArtifacts, 'page' | 'tls'>): HstsAnalysis {
  if (!page.response.url.startsWith('https:')) return { outcome: 'hsts-not-implemented-no-https' };
  // Browsers ignore the header on a connection with certificate errors (RFC 6797 §8.1).
  if (tls !== undefined && (!tls.trusted || !tls.hostnameMatches)) return { outcome: 'hsts-invalid-cert', value: header(page.response, 'strict-transport-security') };
  const value = header(page.response, 'strict-transport-security');
  if (value === undefined) return { outcome: 'hsts-not-implemented' };
  const policy = parseHsts(value);
  if (typeof policy === 'string') return { outcome: 'hsts-header-invalid', value, invalidReason: policy };
  return {
    outcome: policy.maxAge >= SIX_MONTHS ? 'hsts-implemented-max-age-at-least-six-months' : 'hsts-implemented-max-age-less-than-six-months',
    value,
    policy,
  };
}

/** Whether HSTS keeps browsers off plain HTTP for this site (the Observatory's "pass"). */
export function hstsProtects(artifacts: Pick<ScanArtifacts, 'page' | 'tls'>): boolean {
  return analyzeHsts(artifacts).outcome === 'hsts-implemented-max-age-at-least-six-months';
}
