// Every seo check, in the order they appear in reports.
import type { Check } from '../../types.js';
import { brokenLinks } from './broken-links.js';
import { canonical } from './canonical.js';
import { canonicalConsistency } from './canonical-consistency.js';
import { crawlableAnchors } from './crawlable-anchors.js';
import { duplicateDescriptions } from './duplicate-descriptions.js';
import { duplicateTitles } from './duplicate-titles.js';
import { h1 } from './h1.js';
import { hreflang } from './hreflang.js';
import { htmlLang } from './html-lang.js';
import { imageAlt } from './image-alt.js';
import { jsonLd } from './json-ld.js';
import { linkText } from './link-text.js';
import { metaDescription } from './meta-description.js';
import { noindex } from './noindex.js';
import { noindexPages } from './noindex-pages.js';
import { openGraph } from './open-graph.js';
import { robotsTxt } from './robots-txt.js';
import { sitemapValidity } from './sitemap-validity.js';
import { sitemapXml } from './sitemap-xml.js';
import { title } from './title.js';
import { viewport } from './viewport.js';

// Indexing first (what hides the site), then the page's own markup, then links and sharing; the site-wide
// checks of the crawl (STANDARD and DEEP) last.
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
  brokenLinks,
  duplicateTitles,
  duplicateDescriptions,
  sitemapValidity,
  canonicalConsistency,
  hreflang,
  noindexPages,
];
