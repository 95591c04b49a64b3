// A fetched response as a Page: HTML is parsed once here so every check shares the same tree.
import { load } from 'cheerio';
import { header, mediaType } from '../headers.js';
import type { FetchedResponse, Page } from '../types.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The body as text in the charset the server declared, UTF-8 when it declared none or an unknown one. */
export function bodyText(res: FetchedResponse): string {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header(res, 'content-type') ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(res.body);
  } catch {
    return new TextDecoder('utf-8').decode(res.body);
  }
}

export function isHtml(res: FetchedResponse): boolean {
  return HTML_TYPES.has(mediaType(res));
}

export function toPage(response: FetchedResponse): Page {
  return isHtml(response) ? { response, $: load(bodyText(response)) } : { response };
}
