// A `noindex` (or `none`) robots directive removes the page from search results altogether. It comes from
// <meta name="robots"> (or a meta named after one search engine's crawler) and from the X-Robots-Tag
// response header, optionally prefixed with a crawler name ("googlebot: noindex"). `unavailable_after`
// with a past date has the same effect. Directives aimed only at other crawlers do not hide the page from
// the main search engines and are left alone.
import { headerLine, headerValues } from '../../headers.js';
import type { Check, FindingDraft } from '../../types.js';
import { isPlatformPreviewHost } from '../deployment.js';
import { htmlOf, openingTag, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/block-indexing',
  'https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag',
  'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-Robots-Tag',
];

/** Meta names and header prefixes that address the crawlers whose exclusion hides a site from search. */
const CRAWLERS = new Set(['robots', 'googlebot', 'bingbot']);

/** Directives that take a value after a colon, so "name:" at the start of a header is not a crawler name. */
const VALUED_DIRECTIVES = new Set(['unavailable_after', 'max-snippet', 'max-image-preview', 'max-video-preview']);

/** The blocking directive among comma-separated directives, if any, judged at time `now`. */
export function blockingDirective(directives: string, now: number): string | undefined {
  for (const raw of directives.split(',')) {
    const d = raw.trim().toLowerCase();
    if (d === 'noindex' || d === 'none') return d;
    const m = /^unavailable_after\s*:\s*(.+)$/.exec(d);
    if (m !== null) {
      const when = Date.parse(m[1]!);
      if (!Number.isNaN(when) && when <= now) return raw.trim();
    }
  }
  return undefined;
}

/** An X-Robots-Tag value split into the crawler it addresses (undefined: all) and its directives. */
export function splitRobotsHeader(value: string): { crawler?: string; directives: string } {
  const m = /^\s*([^,:]+?)\s*:(.*)$/.exec(value);
  if (m === null || VALUED_DIRECTIVES.has(m[1]!.toLowerCase())) return { directives: value };
  return { crawler: m[1]!.toLowerCase(), directives: m[2]! };
}

export const noindex: Check = {
  id: 'noindex',
  category: 'seo',
  depth: 'QUICK',
  title: 'Indexing allowed (noindex)',
  run({ page, collectedAt }) {
    const res = page.response;
    const blocks: { evidence: string; location: FindingDraft['location']; via: 'meta' | 'header' }[] = [];
    for (const value of headerValues(res, 'x-robots-tag')) {
      const { crawler, directives } = splitRobotsHeader(value);
      if (crawler !== undefined && !CRAWLERS.has(crawler)) continue;
      if (blockingDirective(directives, collectedAt) !== undefined) {
        blocks.push({ evidence: headerLine('X-Robots-Tag', value), location: { url: res.url, header: 'X-Robots-Tag' }, via: 'header' });
      }
    }
    const html = htmlOf(page);
    if ('$' in html) {
      for (const el of html.$('meta[name][content]').toArray()) {
        if (!CRAWLERS.has((el.attribs.name ?? '').trim().toLowerCase())) continue;
        if (blockingDirective(el.attribs.content ?? '', collectedAt) !== undefined) {
          blocks.push({ evidence: openingTag(el), location: { url: res.url, selector: selectorOf(el) }, via: 'meta' });
        }
      }
    }
    if (blocks.length === 0) return { outcome: 'noindex-indexable', findings: [] };

    // Preview platforms add the header themselves and production on its own domain never gets it; a meta
    // tag, by contrast, is in the site's markup and ships to production with it.
    const host = new URL(res.url).hostname;
    const preview = isPlatformPreviewHost(host) && blocks.every((b) => b.via === 'header');
    return {
      outcome: preview ? 'noindex-preview-platform' : 'noindex-blocked',
      findings: blocks.map((b) =>
        preview
          ? {
              severity: 'info' as const,
              title: 'The preview deployment is hidden from search engines',
              description: `${host} is a preview host whose platform adds \`X-Robots-Tag: noindex\` to keep previews out of search results; the production site on its own domain does not get this header. Scan the production URL to judge its indexing.`,
              evidence: b.evidence,
              location: b.location,
              remediation: 'Nothing to do for the preview. Make sure production is served from its own domain, where the platform does not send this header.',
              references: REFERENCES,
            }
          : {
              severity: 'high' as const,
              title: b.via === 'meta' ? 'A robots meta tag keeps the page out of search results' : 'The X-Robots-Tag header keeps the page out of search results',
              description: 'Search engines drop a page marked `noindex` (or `none`) from their results, so nobody finds it by searching. This is often a staging setting that reached production.',
              evidence: b.evidence,
              location: b.location,
              remediation:
                b.via === 'meta'
                  ? 'Remove `noindex`/`none` from the robots meta tag (or the tag itself) on pages that should be found; keep it only on staging or private pages.'
                  : 'Stop sending `X-Robots-Tag: noindex` for this page in the server, CDN or platform configuration; keep it only on staging or private pages.',
              references: REFERENCES,
            },
      ),
    };
  },
};
