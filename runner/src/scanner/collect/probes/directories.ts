// The folders that hold the site's assets (/assets/js/app.js → /assets/js/ and /assets/), requested to see
// whether the server lists their contents. The site root is the target page itself and is not requested.
import { isFetchFailure, type FetchOutcome } from '../../types.js';
import type { Deadline } from '../budget.js';
import { pathUrl } from '../crawl-url.js';
import type { Fetcher } from '../fetcher.js';

export const MAX_FOLDERS = { STANDARD: 20, DEEP: 40 } as const;
const LISTING_MAX_BYTES = 256 * 1024;

/** Folders of the given same-origin URLs, deepest first in order of discovery, each once. */
export function assetFolders(urls: string[], origin: string, max: number): string[] {
  const folders: string[] = [];
  for (const u of urls) {
    const url = URL.parse(u);
    if (url === null || url.origin !== origin) continue;
    const parts = url.pathname.split('/').slice(1, -1);
    for (let n = parts.length; n >= 1; n--) {
      const folder = `/${parts.slice(0, n).join('/')}/`;
      if (folder.includes('//') || folders.includes(folder)) continue;
      folders.push(folder);
      if (folders.length >= max) return folders;
    }
  }
  return folders;
}

export function probeDirectories(fetcher: Fetcher, origin: string, assets: FetchOutcome[], deep: boolean, deadline: Deadline): Promise<FetchOutcome[]> {
  const urls = assets.map((a) => (isFetchFailure(a) ? a.requestedUrl : a.url));
  const folders = assetFolders(urls, origin, MAX_FOLDERS[deep ? 'DEEP' : 'STANDARD']);
  return Promise.all(folders.map((f) => fetcher.fetch(pathUrl(origin, f), { maxBytes: LISTING_MAX_BYTES, deadline: deadline.at })));
}
