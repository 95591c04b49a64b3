// The one form of a target URL the scan works with.
import { ScanError } from '../errors.js';

/**
 * Normalises what a user typed into an absolute http(s) URL: a bare host gets https:// (what a browser
 * would try first today), the fragment is dropped (never sent to a server), host and scheme are
 * lower-cased and an empty path becomes '/'. Throws ScanError INVALID_URL otherwise.
 */
export function normaliseTarget(input: string): URL {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ScanError('INVALID_URL', `Invalid URL '${input}': expected an absolute http(s) URL such as https://example.com/`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScanError('INVALID_URL', `Invalid URL '${input}': only http and https can be scanned`);
  }
  if (url.hostname === '') throw new ScanError('INVALID_URL', `Invalid URL '${input}': the URL has no host`);
  if (url.username !== '' || url.password !== '') {
    throw new ScanError('INVALID_URL', `Invalid URL '${input}': remove the user name and password from the URL`);
  }
  url.hash = '';
  return url;
}

/** The plain-http twin of an https URL, on the default port (a site's port 80 answers for its port 443). */
export function httpTwin(url: URL): URL {
  const twin = new URL(url);
  twin.protocol = 'http:';
  twin.port = '';
  return twin;
}
