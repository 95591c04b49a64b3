// Requests the exposed-file rules' paths (rules/exposures.ts) and the source maps of the site's scripts.
// Only GET, with at most a Range header; the answers are judged by the exposed-files check.
import { header } from '../../headers.js';
import { EXPOSURE_RULES, rulePaths, type ExposureRule } from '../../rules/exposures.js';
import { isFetchFailure, type ExposureProbe, type LoadedScript } from '../../types.js';
import type { Deadline } from '../budget.js';
import { pathUrl } from '../crawl-url.js';
import type { Fetcher } from '../fetcher.js';

/** Matchers read the start of a file; 64 KB holds every signature and header line they look for. */
export const PROBE_MAX_BYTES = 64 * 1024;
/** Source maps probed at most (STANDARD, DEEP). */
const MAX_SOURCE_MAPS = { STANDARD: 10, DEEP: 30 } as const;

/**
 * Where a script's source map is: the sourceMappingURL comment at its end, the SourceMap (or older
 * X-SourceMap) header, else the usual `<script>.map` next to it. Same origin only; data: URIs are inline.
 */
export function sourceMapUrl(script: LoadedScript): string | undefined {
  const scriptUrl = new URL(script.url);
  let declared: string | undefined;
  const res = script.response;
  if (res !== undefined && !isFetchFailure(res)) {
    declared = header(res, 'sourcemap') ?? header(res, 'x-sourcemap');
    if (declared === undefined) {
      const tail = res.body.subarray(Math.max(0, res.body.length - 2048)).toString('utf8');
      declared = /[#@]\s*sourceMappingURL=(\S+)\s*(?:\*\/)?\s*$/.exec(tail)?.[1];
    }
  }
  if (declared?.startsWith('data:')) return undefined;
  const url = declared === undefined ? new URL(`${scriptUrl.origin}${scriptUrl.pathname}.map`) : URL.parse(declared, scriptUrl.href);
  if (url === null || url.origin !== scriptUrl.origin) return undefined;
  url.hash = '';
  return url.href;
}

function probe(fetcher: Fetcher, rule: ExposureRule, url: URL | string, deadline: Deadline, via?: string): Promise<ExposureProbe> {
  return fetcher
    .fetch(url, { maxBytes: rule.maxBytes ?? PROBE_MAX_BYTES, deadline: deadline.at, headers: { accept: '*/*', ...(rule.headers ?? {}) } })
    .then((response) => ({ ruleId: rule.id, response, ...(via ? { via } : {}) }));
}

export async function probeExposures(fetcher: Fetcher, origin: string, deep: boolean, scripts: LoadedScript[], deadline: Deadline): Promise<ExposureProbe[]> {
  const hostname = new URL(origin).hostname;
  const requests: Promise<ExposureProbe>[] = [];
  for (const rule of EXPOSURE_RULES) {
    if (rule.fromScripts) {
      const seen = new Set<string>();
      for (const script of scripts) {
        if (URL.parse(script.url)?.origin !== origin) continue;
        const map = sourceMapUrl(script);
        if (map === undefined || seen.has(map) || seen.size >= MAX_SOURCE_MAPS[deep ? 'DEEP' : 'STANDARD']) continue;
        seen.add(map);
        requests.push(probe(fetcher, rule, map, deadline, script.url));
      }
      continue;
    }
    for (const path of rulePaths(rule, deep, hostname)) requests.push(probe(fetcher, rule, pathUrl(origin, path), deadline));
  }
  return Promise.all(requests);
}
