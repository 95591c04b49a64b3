// DEEP only: active probes that stay harmless — GET, OPTIONS and TRACE only, no state change, no destructive
// payload, redirects never followed to the probe hosts (they are under .invalid, which never resolves,
// RFC 6761 §6.4). Each answer is judged by its own check (cors-origin-reflection, open-redirect,
// reflected-input, trace-method, error-disclosure).
import type { ActiveProbe, ActiveProbeKind, FetchOutcome, LinkCheck } from '../../types.js';
import type { Deadline } from '../budget.js';
import { pathUrl } from '../crawl-url.js';
import type { Fetcher } from '../fetcher.js';
import { marker } from './marker.js';

/** Parameters sites commonly redirect to after login or logout (the issue's list, as OWASP's WSTG names them). */
export const REDIRECT_PARAMS = ['url', 'next', 'redirect', 'return', 'returnTo', 'dest'];
/** Parameters search and listing pages commonly echo. */
export const REFLECT_PARAMS = ['q', 's', 'search', 'query', 'id'];
/** Crawled URLs with a query string probed besides the target, and parameters of each. */
const MAX_QUERY_URLS = 4;
const MAX_PARAMS_PER_URL = 3;
/** Characters that break naive string handling in SQL, shells and templates, sent as a value. */
export const MALFORMED_VALUE = `'"\\`;
const PROBE_MAX_BYTES = 256 * 1024;

interface ProbeRequest {
  kind: ActiveProbeKind;
  method: 'GET' | 'OPTIONS' | 'TRACE';
  url: string;
  headers?: Record<string, string>;
  param?: string;
  marker?: string;
}

function withParam(url: string, name: string, value: string): string {
  const u = new URL(url);
  u.searchParams.set(name, value);
  return u.href;
}

/** Crawled same-origin URLs that answered 200 with a query string, one per path. */
function queryUrls(links: LinkCheck[], origin: string): string[] {
  const paths = new Set<string>();
  const out: string[] = [];
  for (const l of links) {
    const u = URL.parse(l.url);
    if (u === null || u.origin !== origin || u.search === '' || l.status !== 200 || paths.has(u.pathname)) continue;
    paths.add(u.pathname);
    out.push(u.href);
    if (out.length >= MAX_QUERY_URLS) break;
  }
  return out;
}

/** The probes for a site whose target page is `pageUrl`. */
export function plannedProbes(pageUrl: string, links: LinkCheck[]): ProbeRequest[] {
  const origin = new URL(pageUrl).origin;
  const probes: ProbeRequest[] = [];
  const id = marker();

  const probeOrigin = `https://issafesite-${id}.invalid`;
  probes.push({ kind: 'cors-origin', method: 'GET', url: pageUrl, headers: { origin: probeOrigin }, marker: probeOrigin });
  probes.push({ kind: 'cors-origin', method: 'OPTIONS', url: pageUrl, headers: { origin: probeOrigin, 'access-control-request-method': 'GET' }, marker: probeOrigin });
  probes.push({ kind: 'cors-null', method: 'GET', url: pageUrl, headers: { origin: 'null' }, marker: 'null' });

  probes.push({ kind: 'trace', method: 'TRACE', url: pageUrl, headers: { 'x-issafesite-trace': id }, marker: id });

  const withQuery = queryUrls(links, origin);
  const redirectHost = `issafesite-redirect-${id}.invalid`;
  for (const url of [pageUrl, ...withQuery]) {
    const existing = [...new URL(url).searchParams.keys()];
    const names = [...new Set([...REDIRECT_PARAMS, ...existing.filter((k) => /url|next|redirect|return|dest|goto|continue|target/i.test(k))])];
    for (const name of names) probes.push({ kind: 'open-redirect', method: 'GET', url: withParam(url, name, `https://${redirectHost}/`), param: name, marker: redirectHost });
  }

  const reflected = `isf${id}"'<isf${id}>`;
  probes.push(...REFLECT_PARAMS.map((name) => ({ kind: 'reflected-input' as const, method: 'GET' as const, url: withParam(pageUrl, name, reflected), param: name, marker: reflected })));
  for (const url of withQuery) {
    for (const name of [...new URL(url).searchParams.keys()].slice(0, MAX_PARAMS_PER_URL)) {
      probes.push({ kind: 'reflected-input', method: 'GET', url: withParam(url, name, reflected), param: name, marker: reflected });
      probes.push({ kind: 'error-input', method: 'GET', url: withParam(url, name, MALFORMED_VALUE), param: name, marker: MALFORMED_VALUE });
    }
  }
  probes.push({ kind: 'error-input', method: 'GET', url: withParam(pageUrl, 'id', MALFORMED_VALUE), param: 'id', marker: MALFORMED_VALUE });
  // A path with broken percent-encoding (an incomplete UTF-8 sequence) trips some frameworks into a trace.
  probes.push({ kind: 'error-input', method: 'GET', url: `${pathUrl(origin, `/issafesite-${id}`).href}%E0%A4%A`, marker: '%E0%A4%A' });
  return probes;
}

export async function runActiveProbes(fetcher: Fetcher, pageUrl: string, links: LinkCheck[], deadline: Deadline): Promise<ActiveProbe[]> {
  const planned = plannedProbes(pageUrl, links);
  return Promise.all(
    planned.map(async (p): Promise<ActiveProbe> => {
      const response: FetchOutcome = await fetcher.fetch(p.url, {
        method: p.method,
        headers: p.headers ?? {},
        followRedirects: p.kind !== 'open-redirect',
        maxBytes: PROBE_MAX_BYTES,
        deadline: deadline.at,
      });
      return { kind: p.kind, method: p.method, url: p.url, headers: p.headers ?? {}, ...(p.param ? { param: p.param } : {}), ...(p.marker ? { marker: p.marker } : {}), response };
    }),
  );
}
