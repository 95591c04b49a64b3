// What the traffic checks share: the responses a visitor's browser downloads for the page, what kind of
// asset each one is, and sizes written for people.
import { mediaType } from '../../headers.js';
import { isFetchFailure } from '../../types.js';
import type { FetchedResponse, ScanArtifacts } from '../../types.js';

/** The page response then every fetched resource (failures left out), each URL once. */
export function deliveredResponses({ page, resources }: ScanArtifacts): FetchedResponse[] {
  const seen = new Set<string>();
  const out: FetchedResponse[] = [];
  for (const r of [page.response, ...resources]) {
    if (isFetchFailure(r) || seen.has(r.url)) continue;
    seen.add(r.url);
    out.push(r);
  }
  return out;
}

/** Decimal units, as browsers' network panels and Lighthouse show transfer sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

export type AssetKind = 'script' | 'stylesheet' | 'image' | 'font';

const EXTENSIONS: Record<string, AssetKind> = {
  js: 'script', mjs: 'script',
  css: 'stylesheet',
  png: 'image', jpg: 'image', jpeg: 'image', gif: 'image', webp: 'image', avif: 'image', svg: 'image', ico: 'image', bmp: 'image',
  woff: 'font', woff2: 'font', ttf: 'font', otf: 'font', eot: 'font',
};

/** The static asset a response is, by its content type and else by its file extension; undefined for documents and data. */
export function assetKind(res: FetchedResponse): AssetKind | undefined {
  const type = mediaType(res);
  if (/javascript|ecmascript/.test(type)) return 'script';
  if (type === 'text/css') return 'stylesheet';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('font/') || type.startsWith('application/font-') || type.startsWith('application/x-font-') || type === 'application/vnd.ms-fontobject') return 'font';
  if (type === 'text/html' || type.includes('json')) return undefined;
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(res.url).pathname)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : EXTENSIONS[ext];
}

export function isSuccess(res: FetchedResponse): boolean {
  return res.status >= 200 && res.status < 300;
}
