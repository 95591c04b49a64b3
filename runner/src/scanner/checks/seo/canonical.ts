// rel=canonical tells search engines which URL to index for this content. Google accepts relative URLs
// (resolved against the page), so only URLs that do not parse, conflicting canonicals, and canonicals that
// send the page's ranking elsewhere (another domain, or the homepage from an inner page, a mistake Lighthouse
// also flags) are findings. Sources: <link rel="canonical"> in <head> and the HTTP `Link` header.
import { headerLine, headerValues } from '../../headers.js';
import type { Check, FindingDraft, FindingLocation } from '../../types.js';
import { isPreviewDeployment } from '../deployment.js';
import { htmlOf, listSome, openingTag, selectorOf } from '../elements.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/consolidate-duplicate-urls',
  'https://developer.chrome.com/docs/lighthouse/seo/canonical',
];

interface CanonicalSource {
  raw: string;
  evidence: string;
  location: FindingLocation;
}

/** The targets of `Link: <url>; rel="canonical"` values (RFC 8288), in order. */
export function canonicalLinksFromHeader(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const match of value.matchAll(/<([^>]*)>([^,<]*)/g)) {
      const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(match[2] ?? '')?.[1] ?? '';
      if (rel.toLowerCase().split(/\s+/).includes('canonical')) out.push(match[1]!.trim());
    }
  }
  return out;
}

/** The host without a leading "www.", so that example.com and www.example.com count as one site. */
function siteOf(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

function finding(severity: FindingDraft['severity'], title: string, description: string, source: CanonicalSource, remediation: string, evidence = source.evidence): FindingDraft {
  return { severity, title, description, evidence, location: source.location, remediation, references: REFERENCES };
}

export const canonical: Check = {
  id: 'canonical',
  category: 'seo',
  depth: 'QUICK',
  title: 'Canonical URL',
  run({ page }) {
    const res = page.response;
    const html = htmlOf(page);
    const sources: CanonicalSource[] = canonicalLinksFromHeader(headerValues(res, 'link')).map((raw) => ({
      raw,
      evidence: headerLine('Link', `<${raw}>; rel="canonical"`),
      location: { url: res.url, header: 'Link' },
    }));
    let base = res.url;
    if ('$' in html) {
      const { $ } = html;
      const baseHref = $('head base[href]').attr('href');
      if (baseHref !== undefined) base = URL.parse(baseHref, res.url)?.href ?? res.url;
      // Canonical links outside <head> are ignored by search engines (a page body can be user content).
      for (const el of $('head link[rel]').toArray()) {
        if (!(el.attribs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) continue;
        sources.push({ raw: (el.attribs.href ?? '').trim(), evidence: openingTag(el), location: { url: res.url, selector: selectorOf(el) } });
      }
    } else if (sources.length === 0) {
      return { findings: [], notApplicable: `${html.notApplicable} No canonical Link header either.` };
    }

    if (sources.length === 0) {
      return {
        outcome: 'canonical-missing',
        findings: [
          {
            severity: 'low',
            title: 'The page declares no canonical URL',
            description: 'When the same content is reachable at several URLs (with and without www, tracking parameters, trailing slashes), search engines pick one on their own and may split its ranking between them.',
            evidence: 'No <link rel="canonical"> in <head> and no Link header with rel="canonical".',
            location: { url: res.url, selector: 'head > link[rel="canonical"]' },
            remediation: `Add \`<link rel="canonical" href="${res.url}">\` to \`<head>\`, with the URL you want indexed for this page.`,
            references: REFERENCES,
          },
        ],
      };
    }

    const invalid = sources.filter((s) => {
      const parsed = s.raw === '' ? null : URL.parse(s.raw, base);
      return parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:');
    });
    if (invalid.length > 0) {
      return {
        outcome: 'canonical-invalid',
        findings: [
          finding(
            'medium',
            'The canonical URL is not a valid web address',
            'Search engines ignore a canonical link whose URL is empty, does not parse or is not http(s), so the declaration has no effect.',
            invalid[0]!,
            'Set the canonical `href` to the full http(s) URL of the page you want indexed, e.g. `https://www.example.com/pricing`.',
            listSome(invalid.map((s) => s.evidence), ' '),
          ),
        ],
      };
    }

    const resolved = new Map<string, CanonicalSource>();
    for (const s of sources) {
      const url = new URL(s.raw, base);
      url.hash = '';
      if (!resolved.has(url.href)) resolved.set(url.href, s);
    }
    if (resolved.size > 1) {
      return {
        outcome: 'canonical-conflicting',
        findings: [
          finding(
            'medium',
            `The page declares ${resolved.size} different canonical URLs`,
            'With conflicting canonical URLs search engines ignore all of them and choose the canonical themselves.',
            sources[0]!,
            'Keep a single canonical declaration (in the HTML or the Link header, not differing ones in both) pointing at one URL.',
            listSome(sources.map((s) => s.evidence), ' '),
          ),
        ],
      };
    }

    const [canonicalHref, source] = [...resolved][0]!;
    const target = new URL(canonicalHref);
    const pageUrl = new URL(res.url);
    if (siteOf(target) !== siteOf(pageUrl) && isPreviewDeployment(pageUrl.hostname)) {
      // A preview or local build that names production as canonical is doing the right thing.
      return {
        outcome: 'canonical-production-from-preview',
        findings: [
          finding(
            'info',
            `The canonical URL points to ${target.hostname}`,
            `${pageUrl.hostname} is a preview or local deployment, so a canonical URL on the production domain is expected: it keeps the preview from competing with production in search. Check that ${target.href} is the production address of this page.`,
            source,
            'Nothing to do if the URL is the production address of this page; otherwise fix the site URL the templates use.',
          ),
        ],
      };
    }
    if (siteOf(target) !== siteOf(pageUrl)) {
      return {
        outcome: 'canonical-other-domain',
        findings: [
          finding(
            'medium',
            `The canonical URL points to another domain (${target.hostname})`,
            `Search engines treat ${target.hostname} as the page to index and may drop ${pageUrl.hostname} from their results. That is right only when this content is a copy (syndication, or a preview deployment of the production site); otherwise a template or a configured site URL is wrong.`,
            source,
            `Point the canonical at this page's own URL on ${pageUrl.hostname}, or, if ${target.hostname} is really the original, leave it and ignore this finding for copies.`,
          ),
        ],
      };
    }
    if (target.pathname === '/' && target.search === '' && pageUrl.pathname !== '/') {
      return {
        outcome: 'canonical-points-to-root',
        findings: [
          finding(
            'medium',
            'The canonical URL of an inner page points to the homepage',
            'Declaring the homepage as canonical tells search engines this page is a duplicate of it, so the page itself is not indexed; usually a template sets the same canonical on every page.',
            source,
            'Make each page declare its own URL as canonical (the equivalent page of content, not the site root).',
          ),
        ],
      };
    }
    return { outcome: 'canonical-ok', findings: [] };
  },
};
