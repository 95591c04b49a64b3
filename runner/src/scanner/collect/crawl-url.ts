// URL forms for the crawl: one key per page so the same page is fetched once whatever way it was linked.
// Resolution is the WHATWG URL parser's, as in browsers: an href `//host/path` is protocol-relative, while a
// URL whose *path* starts with `//` (http://site/.//x → path //x) stays a path of the same host — so a path is
// never re-parsed as a relative reference (see pathUrl).

const FETCHABLE = new Set(['http:', 'https:']);

/** The absolute URL an href points to from `base`, without fragment; undefined for mailto:, javascript: and the like. */
export function resolveLink(href: string, base: string | URL): URL | undefined {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const url = URL.parse(trimmed, typeof base === 'string' ? base : base.href);
  if (url === null || !FETCHABLE.has(url.protocol) || url.username !== '' || url.password !== '') return undefined;
  url.hash = '';
  return url;
}

/**
 * The dedup key of a URL: scheme, host and port as the URL parser writes them (lower-case host, default port
 * dropped), the path without its trailing slash (except the root), and the query unless empty.
 */
export function pageKey(url: URL): string {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : url.pathname;
  const query = url.search === '?' ? '' : url.search;
  return `${url.protocol}//${url.host}${path}${query}`;
}

/**
 * The URL of `path` on `origin`. Setting the pathname keeps a path like `//x` a path; `new URL('//x', origin)`
 * would read it as the host x.
 */
export function pathUrl(origin: string | URL, path: string): URL {
  const url = new URL(typeof origin === 'string' ? origin : origin.origin);
  const q = path.indexOf('?');
  url.pathname = q === -1 ? path : path.slice(0, q);
  if (q !== -1) url.search = path.slice(q);
  return url;
}

// Files whose extension says they are not HTML: their status is checked (HEAD), they are never parsed.
const NON_HTML_EXTENSIONS = new Set([
  'pdf', 'zip', 'gz', 'tgz', 'rar', '7z', 'tar', 'bz2', 'dmg', 'exe', 'msi', 'apk', 'iso',
  'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'svg', 'ico', 'bmp', 'tif', 'tiff', 'heic',
  'mp3', 'mp4', 'm4a', 'm4v', 'mov', 'avi', 'webm', 'ogg', 'ogv', 'wav', 'flac', 'mkv',
  'css', 'js', 'mjs', 'map', 'json', 'xml', 'rss', 'atom', 'txt', 'csv', 'ics', 'vcf',
  'woff', 'woff2', 'ttf', 'otf', 'eot',
  'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'rtf', 'epub',
]);

export function looksNonHtml(url: URL): boolean {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return ext !== undefined && NON_HTML_EXTENSIONS.has(ext);
}
