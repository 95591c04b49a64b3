// The same-origin subresources a page loads, to weigh them and read their caching headers.
import type { CheerioAPI } from 'cheerio';

/** Enough for page weight and caching verdicts while keeping a QUICK scan at a few dozen requests. */
export const MAX_RESOURCES = 30;

function isStylesheet(rel: string | undefined): boolean {
  return (rel ?? '').toLowerCase().split(/\s+/).includes('stylesheet');
}

/** Absolute URLs of the scripts, stylesheets and images of the page that share its origin, in page order. */
export function sameOriginResources($: CheerioAPI, pageUrl: string, limit = MAX_RESOURCES): string[] {
  const page = new URL(pageUrl);
  let base = page;
  const baseHref = $('base[href]').first().attr('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, page);
    } catch {
      // An unusable <base> is ignored, as browsers do.
    }
  }
  const found = new Set<string>();
  $('script[src], link[href], img[src]').each((_i, el) => {
    const $el = $(el);
    if (el.tagName === 'link' && !isStylesheet($el.attr('rel'))) return;
    const value = $el.attr(el.tagName === 'link' ? 'href' : 'src')?.trim();
    if (!value) return;
    let url: URL;
    try {
      url = new URL(value, base);
    } catch {
      return;
    }
    url.hash = '';
    if (url.origin === page.origin && url.href !== page.href) found.add(url.href);
  });
  return [...found].slice(0, limit);
}
