// Reading the few things the security checks need from a page's HTML.
import type { Page } from '../types.js';

/**
 * The content of every `<meta http-equiv="NAME" content="…">` in the document head, in order.
 * The HTML standard only honours a CSP `<meta>` that is a child of `<head>`; the name compares
 * case-insensitively after trimming. Empty contents are skipped.
 */
export function metaHttpEquiv(page: Page, name: string): string[] {
  const $ = page.$;
  if ($ === undefined) return [];
  const wanted = name.toLowerCase();
  const out: string[] = [];
  $('head > meta[http-equiv]').each((_, el) => {
    const equiv = ($(el).attr('http-equiv') ?? '').trim().toLowerCase();
    const content = $(el).attr('content');
    if (equiv === wanted && content !== undefined && content.trim() !== '') out.push(content);
  });
  return out;
}

/** The content of `<meta name="NAME" content="…">` elements anywhere in the document, in order. */
export function metaNamed(page: Page, name: string): string[] {
  const $ = page.$;
  if ($ === undefined) return [];
  const wanted = name.toLowerCase();
  const out: string[] = [];
  $('meta[name]').each((_, el) => {
    const n = ($(el).attr('name') ?? '').trim().toLowerCase();
    const content = $(el).attr('content');
    if (n === wanted && content !== undefined && content.trim() !== '') out.push(content);
  });
  return out;
}

/** The URL relative references on the page resolve against: the first `<base href>`, else the page URL. */
export function documentBase(page: Page): string {
  const url = page.response.url;
  const href = page.$?.('base[href]').first().attr('href');
  if (href === undefined) return url;
  try {
    return new URL(href, url).href;
  } catch {
    return url;
  }
}

/** Whether the page is an HTML document we parsed. */
export function isHtml(page: Page): boolean {
  return page.$ !== undefined;
}
