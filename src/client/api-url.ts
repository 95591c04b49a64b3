// Where requests go. api-url is the API's base (https://issafesite.com/api/v1); the scan's statusUrl
// (/api/v1/scan/{id}) and the report's downloadUrl (/api/report/{id}/pdf) are paths from the API's root, the
// base without its /api/v1 — the origin, unless a proxy serves the API under a prefix. downloadUrl lies outside
// /api/v1, so neither can be joined to the base.
import { API_BASE_PATH } from '../contract/api.js';

export interface ApiLocation {
  /** The base, e.g. https://issafesite.com/api/v1 (a bare origin gets /api/v1 added). */
  base: string;
  /** The base without /api/v1, e.g. https://issafesite.com. */
  root: string;
  origin: string;
  /** For messages: the host name and port, never a path or a query. */
  host: string;
}

export function apiLocation(apiUrl: string): ApiLocation {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/+$/, '');
  const base = `${url.origin}${path === '' ? API_BASE_PATH : path}`;
  const root = base.endsWith(API_BASE_PATH) ? base.slice(0, -API_BASE_PATH.length) : url.origin;
  return { base, root, origin: url.origin, host: url.host };
}

export class ForeignUrlError extends Error {
  override name = 'ForeignUrlError';
}

/**
 * The absolute URL of a path the API returned. The API key goes with every request, so a URL on another
 * origin is refused rather than followed.
 */
export function resolveApiPath(location: ApiLocation, ref: string): URL {
  const url = ref.startsWith('/') && !ref.startsWith('//') ? new URL(`${location.root}${ref}`) : new URL(ref, `${location.root}/`);
  if (url.origin !== location.origin) {
    throw new ForeignUrlError(`The API at ${location.host} pointed at ${url.origin}, another origin; the API key is only sent to ${location.origin}. Check api-url.`);
  }
  return url;
}
