// Search engines follow only <a> elements with an href that is a real URL. Links made of script
// (`href="javascript:…"`, `href="#"` or no href with an onclick handler) lead crawlers nowhere, so the
// pages behind them are found only if linked elsewhere. The rules follow Lighthouse's crawlable-anchors
// audit, with two differences forced by static HTML: only `onclick` attributes show a handler, and every
// javascript: URL fails, as Google's documentation says.
import type { Element } from 'domhandler';
import type { Check } from '../../types.js';
import { htmlOf, listSome, openingTag, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/links-crawlable',
  'https://developer.chrome.com/docs/lighthouse/seo/crawlable-anchors',
];

/** Attributes that only make sense with an href: an <a> carrying one without href is a broken link, not a placeholder. */
const HREF_ATTRIBUTES = ['target', 'download', 'ping', 'rel', 'hreflang', 'type', 'referrerpolicy'];

/** Why an anchor cannot be followed by a crawler, or undefined when it can (or is not meant as a link). */
export function uncrawlableReason(a: Element, pageUrl: string): string | undefined {
  const attrs = a.attribs;
  // Elements given another role (buttons, tabs) and named anchors are not links.
  if ((attrs.role ?? '').trim() !== '' || (attrs.name ?? '').trim() !== '') return undefined;
  const hasHandler = attrs.onclick !== undefined;
  if (attrs.href === undefined) {
    if (hasHandler) return 'no href, only an onclick handler';
    if (HREF_ATTRIBUTES.some((name) => attrs[name] !== undefined)) return 'no href';
    return undefined; // A placeholder link (<a>Current page</a>) or an id target.
  }
  const href = attrs.href.replace(/\s/g, '');
  const lower = href.toLowerCase();
  if (lower.startsWith('mailto:') || lower.startsWith('tel:')) return undefined;
  if (lower.startsWith('javascript:')) return 'javascript: URL';
  if (lower.startsWith('file:')) return 'file: URL';
  if ((href === '' || href === '#') && hasHandler) return `href="${href}" with an onclick handler`;
  if (URL.parse(href, pageUrl) === null) return 'href is not a valid URL';
  return undefined;
}

export const crawlableAnchors: Check = {
  id: 'crawlable-anchors',
  category: 'seo',
  depth: 'QUICK',
  title: 'Crawlable links',
  run({ page }) {
    const html = htmlOf(page);
    if ('notApplicable' in html) return { findings: [], notApplicable: html.notApplicable };
    const url = page.response.url;
    const failing = html.$('a')
      .toArray()
      .map((a) => ({ a, reason: uncrawlableReason(a, url) }))
      .filter((x): x is { a: Element; reason: string } => x.reason !== undefined);
    if (failing.length === 0) return { outcome: 'crawlable-anchors-ok', findings: [] };
    const n = failing.length;
    return {
      outcome: 'crawlable-anchors-uncrawlable',
      findings: [
        {
          severity: 'low',
          title: `${n} link${n === 1 ? ' is' : 's are'} not crawlable`,
          description: 'Search engines discover pages by following `<a href>` URLs; links that work only through script lead crawlers nowhere, so the pages behind them may never be indexed.',
          evidence: listSome(failing.map(({ a, reason }) => `${openingTag(a)} (${reason})`)),
          location: { url, selector: selectorOf(failing[0]!.a) },
          remediation: 'Give each link a real destination, e.g. `<a href="/products">` instead of `<a href="javascript:goTo(\'products\')">` or `<a href="#" onclick="…">`; use `<button>` for actions that are not navigation.',
          references: REFERENCES,
        },
      ],
    };
  },
};
