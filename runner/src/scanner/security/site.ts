// "Same site" without shipping the Public Suffix List: the registrable domain is taken as the last two
// labels, or three when the second-level label is one of the generic ones that ccTLDs register under
// (example.co.uk, example.com.au). Hosts on private suffixes (github.io, herokuapp.com) compare as one
// site, which only ever hides a finding, never invents one.
import { isIP } from 'node:net';

const GENERIC_SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'mil', 'nic', 'ltd', 'plc', 'gob', 'nom']);

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}

/** The registrable domain of a host name, or the host itself for IP addresses and single-label names. */
export function registrableDomain(host: string): string {
  const h = bareHost(host);
  if (isIP(h) !== 0) return h;
  const labels = h.split('.');
  if (labels.length <= 2) return h;
  const tld = labels.at(-1)!;
  const second = labels.at(-2)!;
  const keep = tld.length === 2 && GENERIC_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Whether two host names belong to the same site (same registrable domain). */
export function sameSite(a: string, b: string): boolean {
  return registrableDomain(a) === registrableDomain(b);
}

/** Resolves a reference against a base URL, or undefined when it is not a valid URL. */
export function resolveUrl(ref: string, base: string): URL | undefined {
  try {
    return new URL(ref.trim(), base);
  } catch {
    return undefined;
  }
}
