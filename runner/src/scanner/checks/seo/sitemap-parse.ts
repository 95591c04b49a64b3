// Reading a sitemap (sitemaps.org protocol 0.9): its kind and the <loc> of each <url> or <sitemap> entry.
// Used by the crawl (seeds) and by the sitemap-validity check.
import { gunzipSync } from 'node:zlib';
import { xmlRootName } from './sitemap-xml.js';

export interface ParsedSitemap {
  kind: 'urlset' | 'sitemapindex' | undefined;
  /** Entry locations as written (entities decoded, trimmed). */
  locs: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
      if (dec !== undefined) return String.fromCodePoint(Number.parseInt(dec, 10));
      return ENTITIES[name!.toLowerCase()] ?? whole;
    });
}

/** The text of a sitemap body: gzip-compressed files (sitemap.xml.gz) are decompressed, up to 50 MB. */
export function sitemapText(body: Buffer): string {
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      return gunzipSync(body, { maxOutputLength: 50 * 1024 * 1024 }).toString('utf8');
    } catch {
      return '';
    }
  }
  return body.toString('utf8');
}

export function parseSitemap(text: string): ParsedSitemap {
  const root = xmlRootName(text);
  const kind = root === 'urlset' || root === 'sitemapindex' ? root : undefined;
  if (kind === undefined) return { kind, locs: [] };
  const entry = kind === 'urlset' ? 'url' : 'sitemap';
  const locs: string[] = [];
  const entryRe = new RegExp(`<(?:[\\w.-]+:)?${entry}[\\s>][\\s\\S]*?<\\/(?:[\\w.-]+:)?${entry}\\s*>`, 'g');
  for (const m of text.matchAll(entryRe)) {
    const loc = /<(?:[\w.-]+:)?loc\s*>([\s\S]*?)<\/(?:[\w.-]+:)?loc\s*>/.exec(m[0]);
    if (loc !== null) locs.push(decodeXmlText(loc[1]!).trim());
  }
  return { kind, locs };
}
