// What the site-wide SEO checks read from each crawled page: title, description, noindex and canonical,
// read the same way as the single-page checks do (title.ts, meta-description.ts, noindex.ts, canonical.ts).
import { headerValues } from '../../headers.js';
import type { Page } from '../../types.js';
import { collapse } from '../elements.js';
import { canonicalLinksFromHeader } from './canonical.js';
import { blockingDirective, splitRobotsHeader } from './noindex.js';

const CRAWLERS = new Set(['robots', 'googlebot', 'bingbot']);

export function titleOf(page: Page): string | undefined {
  const el = page.$?.('title').not('svg title').first();
  const text = el === undefined || el.length === 0 ? '' : collapse(el.text());
  return text === '' ? undefined : text;
}

export function descriptionOf(page: Page): string | undefined {
  const content = page.$?.('meta[name="description" i]').first().attr('content');
  const text = content === undefined ? '' : collapse(content);
  return text === '' ? undefined : text;
}

/** The directive that keeps the page out of search results (meta robots or X-Robots-Tag), if any. */
export function noindexOf(page: Page, now: number): string | undefined {
  for (const value of headerValues(page.response, 'x-robots-tag')) {
    const { crawler, directives } = splitRobotsHeader(value);
    if (crawler !== undefined && !CRAWLERS.has(crawler)) continue;
    const d = blockingDirective(directives, now);
    if (d !== undefined) return `X-Robots-Tag: ${value}`;
  }
  for (const el of page.$?.('meta[name][content]').toArray() ?? []) {
    if (!CRAWLERS.has((el.attribs.name ?? '').trim().toLowerCase())) continue;
    if (blockingDirective(el.attribs.content ?? '', now) !== undefined) return `<meta name="${el.attribs.name}" content="${el.attribs.content}">`;
  }
  return undefined;
}

/** The page's canonical URL when it declares exactly one that resolves (absolute, no fragment). */
export function canonicalOf(page: Page): string | undefined {
  const res = page.response;
  const raw = canonicalLinksFromHeader(headerValues(res, 'link'));
  let base = res.url;
  if (page.$ !== undefined) {
    const $ = page.$;
    const baseHref = $('head base[href]').attr('href');
    if (baseHref !== undefined) base = URL.parse(baseHref, res.url)?.href ?? res.url;
    for (const el of $('head link[rel]').toArray()) {
      if ((el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) raw.push((el.attribs.href ?? '').trim());
    }
  }
  const resolved = new Set<string>();
  for (const r of raw) {
    const u = r === '' ? null : URL.parse(r, base);
    if (u === null || (u.protocol !== 'http:' && u.protocol !== 'https:')) return undefined;
    u.hash = '';
    resolved.add(u.href);
  }
  return resolved.size === 1 ? [...resolved][0] : undefined;
}

/** Same URL for SEO purposes: equal once a trailing slash is ignored. */
export function sameUrl(a: string, b: string): boolean {
  const strip = (u: string): string => u.replace(/\/+(?=$|\?)/, '');
  return a === b || strip(a) === strip(b);
}

/** Crawled pages that search engines are asked to index as themselves: 2xx HTML, not noindex, canonical absent or self. */
export function indexablePages(pages: Page[], now: number): Page[] {
  return pages.filter((p) => {
    if (p.$ === undefined || p.response.status < 200 || p.response.status > 299) return false;
    if (noindexOf(p, now) !== undefined) return false;
    const canonical = canonicalOf(p);
    return canonical === undefined || sameUrl(canonical, p.response.url);
  });
}
