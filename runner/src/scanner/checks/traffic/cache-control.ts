// Reading a response's freshness the way a browser cache does (RFC 9111): max-age first, else Expires
// minus Date; no-store forbids storing at all. s-maxage is left out on purpose: it applies to shared
// caches (CDNs), not to the visitor's browser.
import { header, headerLine } from '../../headers.js';
import type { FetchedResponse } from '../../types.js';

/** Cache-Control directives, names lower-case; a directive without a value maps to ''. */
export function parseCacheControl(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (value ?? '').split(',')) {
    const [name, raw = ''] = part.split('=');
    const key = (name ?? '').trim().toLowerCase();
    if (key !== '') out.set(key, raw.trim().replace(/^"|"$/g, ''));
  }
  return out;
}

export interface Freshness {
  noStore: boolean;
  immutable: boolean;
  /** Seconds the browser may reuse the response without asking, or undefined when no lifetime is given. */
  lifetime: number | undefined;
}

export function freshness(res: FetchedResponse, now: number): Freshness {
  const cc = parseCacheControl(header(res, 'cache-control'));
  const noStore = cc.has('no-store');
  const immutable = cc.has('immutable');
  if (cc.has('no-cache')) return { noStore, immutable, lifetime: 0 };
  const maxAge = cc.get('max-age');
  if (maxAge !== undefined) {
    const seconds = Number.parseInt(maxAge, 10);
    return { noStore, immutable, lifetime: Number.isNaN(seconds) ? 0 : Math.max(0, seconds) };
  }
  const expires = header(res, 'expires');
  if (expires !== undefined) {
    // An invalid Expires (often "0" or "-1") means "already expired".
    const at = Date.parse(expires);
    const date = Date.parse(header(res, 'date') ?? '');
    const base = Number.isNaN(date) ? now : date;
    return { noStore, immutable, lifetime: Number.isNaN(at) ? 0 : Math.max(0, Math.round((at - base) / 1000)) };
  }
  return { noStore, immutable, lifetime: undefined };
}

/** Query parameters build tools and CMSs use to version a URL (`app.css?v=3`, WordPress `?ver=6.4.2`). */
const VERSION_PARAMS = ['v', 'ver', 'version', 'hash', 'h', 'rev'];

/**
 * Whether a URL carries a content hash or version, so that a new file gets a new URL and the old one may be
 * cached forever: a hex run of 8+ characters with a digit (webpack, Next.js, Rails), or a mixed token like
 * Vite's `index-BkX9q2Lz.js`; or a version query parameter.
 */
export function isFingerprinted(url: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null) return false;
  if (VERSION_PARAMS.some((p) => (parsed.searchParams.get(p) ?? '') !== '')) return true;
  const file = parsed.pathname.split('/').pop() ?? '';
  return file.split(/[.\-~]/).some((part) => {
    if (part.length < 8) return false;
    if (/^[0-9a-f]+$/i.test(part)) return /\d/.test(part);
    if (!/^[A-Za-z0-9_]+$/.test(part) || /^[A-Za-z]+\d+$/.test(part)) return false;
    return (part.match(/\d/g) ?? []).length >= 2 && (part.match(/[A-Za-z]/g) ?? []).length >= 2;
  });
}

/** A fingerprinted file cached for less than a day throws away the point of fingerprinting. */
export const FINGERPRINTED_MIN_SECONDS = 86_400;

/** Sorts static assets into those with no caching policy and fingerprinted ones that expire too soon. */
export function cachingProblems(assets: readonly FetchedResponse[], now: number): { uncached: FetchedResponse[]; shortLived: FetchedResponse[] } {
  const uncached: FetchedResponse[] = [];
  const shortLived: FetchedResponse[] = [];
  for (const res of assets) {
    const f = freshness(res, now);
    if (f.noStore || f.lifetime === undefined) uncached.push(res);
    else if (isFingerprinted(res.url) && f.lifetime < FINGERPRINTED_MIN_SECONDS) shortLived.push(res);
  }
  return { uncached, shortLived };
}

/** "URL — Cache-Control: …, Expires: …" for evidence. */
export function cacheEvidence(res: FetchedResponse): string {
  const cc = header(res, 'cache-control');
  const expires = header(res, 'expires');
  const shown = [cc === undefined ? undefined : headerLine('Cache-Control', cc), expires === undefined ? undefined : headerLine('Expires', expires)].filter((x) => x !== undefined);
  return `${res.url} — ${shown.length === 0 ? 'no Cache-Control or Expires' : shown.join(', ')}`;
}
