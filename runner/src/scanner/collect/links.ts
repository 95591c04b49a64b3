// The references a crawled page makes to other pages: anchors and image-map areas, plus its canonical and
// hreflang alternates (so that their targets are checked too).
import type { CheerioAPI } from 'cheerio';
import { resolveLink } from './crawl-url.js';

export interface FoundLink {
  /** As written in the page. */
  href: string;
  url: URL;
}

/** The base URL links resolve against: the page's, or its first usable <base href> (as browsers do). */
export function baseOf($: CheerioAPI, pageUrl: string): URL {
  const page = new URL(pageUrl);
  const baseHref = $('base[href]').first().attr('href');
  return (baseHref && URL.parse(baseHref, page.href)) || page;
}

function hasRel(rel: string | undefined, value: string): boolean {
  return (rel ?? '').toLowerCase().split(/\s+/).includes(value);
}

/** Every link of the page, in document order, each absolute URL once. */
export function pageLinks($: CheerioAPI, pageUrl: string): FoundLink[] {
  const base = baseOf($, pageUrl);
  const seen = new Set<string>();
  const out: FoundLink[] = [];
  $('a[href], area[href], link[href]').each((_i, el) => {
    const $el = $(el);
    if (el.tagName === 'link' && !hasRel($el.attr('rel'), 'canonical') && !(hasRel($el.attr('rel'), 'alternate') && $el.attr('hreflang') !== undefined)) return;
    if (el.tagName !== 'link' && $el.attr('download') !== undefined) return;
    const href = $el.attr('href')!;
    const url = resolveLink(href, base);
    if (url === undefined || seen.has(url.href)) return;
    seen.add(url.href);
    out.push({ href: href.trim(), url });
  });
  return out;
}

/** A robots meta tag asking crawlers not to follow the page's links (nofollow or none). */
export function metaNofollow($: CheerioAPI): boolean {
  return $('meta[name][content]')
    .toArray()
    .some((el) => {
      const name = (el.attribs.name ?? '').toLowerCase();
      if (name !== 'robots' && name !== 'issafesitescanner') return false;
      return (el.attribs.content ?? '').toLowerCase().split(',').some((d) => ['nofollow', 'none'].includes(d.trim()));
    });
}
