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

/** What the crawl reads from a page: its links, and whether it asks crawlers not to follow them. */
export interface PageRefs {
  links: FoundLink[];
  nofollow: boolean;
}

type DomNode = { type: string; name?: string; attribs?: Record<string, string>; children?: DomNode[] };

/**
 * Every link of the page (each absolute URL once, in document order) and its robots directives, in one walk
 * over the document: a crawl does this for every page, and a walk
 * is several times cheaper than a CSS selector query per kind of element.
 */
export function pageRefs($: CheerioAPI, pageUrl: string): PageRefs {
  const elements: DomNode[] = [];
  const stack: DomNode[] = [...(($.root()[0] as unknown as DomNode).children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.attribs === undefined) continue;
    if (node.name === 'a' || node.name === 'area' || node.name === 'link' || node.name === 'base' || node.name === 'meta') elements.push(node);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  const page = new URL(pageUrl);
  const baseHref = elements.find((e) => e.name === 'base' && e.attribs!.href !== undefined)?.attribs!.href;
  const base = (baseHref && URL.parse(baseHref, page.href)) || page;
  const seen = new Set<string>();
  const links: FoundLink[] = [];
  let nofollow = false;
  for (const el of elements) {
    const a = el.attribs!;
    if (el.name === 'meta') {
      nofollow ||= isNofollow(a.name, a.content);
      continue;
    }
    if (el.name === 'base' || a.href === undefined) continue;
    if (el.name === 'link' && !hasRel(a.rel, 'canonical') && !(hasRel(a.rel, 'alternate') && a.hreflang !== undefined)) continue;
    if (el.name !== 'link' && a.download !== undefined) continue;
    const url = resolveLink(a.href, base);
    if (url === undefined || seen.has(url.href)) continue;
    seen.add(url.href);
    links.push({ href: a.href.trim(), url });
  }
  return { links, nofollow };
}

/** A robots meta tag (for all crawlers or ours) asking not to follow the page's links: nofollow or none. */
function isNofollow(name: string | undefined, content: string | undefined): boolean {
  const n = (name ?? '').toLowerCase();
  if (n !== 'robots' && n !== 'issafesitescanner') return false;
  return (content ?? '').toLowerCase().split(',').some((d) => ['nofollow', 'none'].includes(d.trim()));
}
