// Where the scanned page is deployed. Scans usually run against a pull request's preview or a local build
// in CI (SPEC §1), where some signals that would be defects in production are expected by design.
import ipaddr from 'ipaddr.js';

/**
 * Deployment platforms whose preview URLs live under these suffixes and get `X-Robots-Tag: noindex` from
 * the platform itself (Vercel, Netlify deploy previews, Cloudflare Pages).
 */
const PLATFORM_PREVIEW_SUFFIXES = ['.vercel.app', '.netlify.app', '.pages.dev'];

export function isPlatformPreviewHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return PLATFORM_PREVIEW_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

/** localhost names and loopback or private addresses: a build running in CI or on a developer's machine. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (!ipaddr.isValid(host)) return false;
  const range = ipaddr.process(host).range();
  return range === 'loopback' || range === 'private' || range === 'uniqueLocal' || range === 'linkLocal' || range === 'unspecified';
}

/** A deployment that is not production: a platform preview or a local build. */
export function isPreviewDeployment(hostname: string): boolean {
  return isPlatformPreviewHost(hostname) || isLocalHost(hostname);
}
