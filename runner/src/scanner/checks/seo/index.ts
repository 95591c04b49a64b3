// Every seo check, in the order they appear in reports.
import type { Check } from '../../types.js';
import { canonical } from './canonical.js';
import { crawlableAnchors } from './crawlable-anchors.js';
import { h1 } from './h1.js';
import { htmlLang } from './html-lang.js';
import { imageAlt } from './image-alt.js';
import { jsonLd } from './json-ld.js';
import { linkText } from './link-text.js';
import { metaDescription } from './meta-description.js';
import { noindex } from './noindex.js';
import { openGraph } from './open-graph.js';
import { robotsTxt } from './robots-txt.js';
import { sitemapXml } from './sitemap-xml.js';
import { title } from './title.js';
import { viewport } from './viewport.js';

// Indexing first (what hides the site), then the page's own markup, then links and sharing.
export const seoChecks: Check[] = [
  noindex,
  robotsTxt,
  sitemapXml,
  title,
  metaDescription,
  h1,
  canonical,
  htmlLang,
  viewport,
  imageAlt,
  jsonLd,
  linkText,
  crawlableAnchors,
  openGraph,
];
