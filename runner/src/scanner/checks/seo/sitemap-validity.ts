// What is inside the sitemaps, beyond sitemap-xml's "is there one": well-formed XML (crawlers drop a
// sitemap that is not), the protocol's limits of 50,000 URLs and 50 MB uncompressed per file, entries that
// are absolute URLs of the sitemap's own host (others are ignored: sitemaps.org, "Sitemap file location"),
// and entries that the crawl found broken, redirected or marked noindex — URLs a sitemap must not list.
import { header } from '../../headers.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FetchedResponse, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';
import { noindexOf, sameUrl } from './page-signals.js';
import { parseSitemap, sitemapText } from './sitemap-parse.js';
import { xmlWellFormedError } from './xml-well-formed.js';

export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;

const REFERENCES = ['https://www.sitemaps.org/protocol.html', 'https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap'];

function size(res: FetchedResponse): { bytes: number; exact: boolean } {
  const declared = Number(header(res, 'content-length'));
  if (res.truncated && Number.isFinite(declared) && declared > 0) return { bytes: declared, exact: true };
  return { bytes: res.body.length, exact: !res.truncated };
}

export const sitemapValidity: Check = {
  id: 'sitemap-validity',
  category: 'seo',
  depth: 'STANDARD',
  title: 'Sitemap contents',
  run({ sitemaps, links, pages, collectedAt }) {
    const docs = (sitemaps ?? []).filter((s): s is FetchedResponse => !isFetchFailure(s) && s.status === 200);
    const parsed = docs.map((res) => ({ res, text: sitemapText(res.body) })).map((d) => ({ ...d, sitemap: parseSitemap(d.text) })).filter((d) => d.sitemap.kind !== undefined);
    if (parsed.length === 0) return { findings: [], notApplicable: 'No XML sitemap was found (see the sitemap.xml check).' };
    const findings: FindingDraft[] = [];
    const push = (severity: FindingDraft['severity'], url: string, title: string, description: string, evidence: string, remediation: string): void => {
      findings.push({ severity, title, description, evidence, location: { url }, remediation, references: REFERENCES });
    };

    const listed = new Map<string, string>();
    for (const { res, text, sitemap } of parsed) {
      const error = res.truncated ? undefined : xmlWellFormedError(text);
      if (error !== undefined) {
        push('medium', res.url, 'The sitemap is not well-formed XML', 'Search engines reject a sitemap that is not well-formed XML, so none of its URLs are submitted.', `${res.url} line ${error.line}: ${error.message}`, 'Generate the sitemap with an XML library (or your framework\'s sitemap plugin) instead of string concatenation; escape & as &amp; in URLs.');
      }
      const { bytes, exact } = size(res);
      if (bytes > SITEMAP_MAX_BYTES) {
        push('medium', res.url, 'The sitemap is larger than 50 MB', 'The sitemap protocol caps one file at 50 MB uncompressed; search engines ignore what is beyond, or the whole file.', `${res.url}: ${exact ? '' : 'at least '}${bytes} bytes`, 'Split it into several sitemaps of at most 50,000 URLs and 50 MB, listed in a sitemap index.');
      }
      if (sitemap.locs.length > SITEMAP_MAX_URLS) {
        push('medium', res.url, `The sitemap lists more than ${SITEMAP_MAX_URLS.toLocaleString('en')} URLs`, 'The sitemap protocol caps one file at 50,000 URLs; search engines ignore the rest.', `${res.url}: ${res.truncated ? 'at least ' : ''}${sitemap.locs.length} <loc> entries`, 'Split it into several sitemaps listed in a sitemap index.');
      }
      const host = new URL(res.url);
      const invalid: string[] = [];
      const foreign: string[] = [];
      for (const loc of sitemap.locs) {
        const u = URL.parse(loc);
        if (u === null || (u.protocol !== 'http:' && u.protocol !== 'https:')) invalid.push(loc);
        else if (u.host !== host.host || u.protocol !== host.protocol) foreign.push(loc);
        else if (sitemap.kind === 'urlset') listed.set(u.href, res.url);
      }
      if (invalid.length > 0) {
        push('medium', res.url, `${invalid.length} sitemap entr${invalid.length === 1 ? 'y is not an absolute URL' : 'ies are not absolute URLs'}`, 'Each <loc> must be a full URL with scheme and host; relative or malformed entries are ignored.', `${res.url}: ${listSome(invalid.map((l) => JSON.stringify(l)))}`, 'Write every <loc> as an absolute URL, e.g. https://www.example.com/page.');
      }
      if (foreign.length > 0) {
        push('medium', res.url, `${foreign.length} sitemap entr${foreign.length === 1 ? 'y points' : 'ies point'} to another host or protocol`, `A sitemap may only list URLs of the host and protocol it is served from (${host.protocol}//${host.host}); other entries are ignored.`, `${res.url}: ${listSome(foreign)}`, 'List only URLs of this host in this sitemap; if the site moved to https or another host, regenerate the sitemap with the new base URL.');
      }
    }

    const broken: string[] = [];
    const redirected: string[] = [];
    for (const link of links ?? []) {
      if (!link.inSitemap || link.unchecked !== undefined) continue;
      if (link.error !== undefined || (link.status !== undefined && link.status >= 400)) broken.push(`${link.url} → ${link.status ?? link.error}`);
      else if (link.finalUrl !== undefined && !sameUrl(link.finalUrl, link.url)) redirected.push(`${link.url} → ${link.finalUrl}`);
    }
    const first = parsed[0]!.res.url;
    if (broken.length > 0) {
      push('medium', first, `The sitemap lists ${broken.length} URL${broken.length === 1 ? ' that answers' : 's that answer'} with an error`, 'Search engines fetch every listed URL; listing error pages wastes crawl budget and erodes trust in the sitemap.', listSome(broken), 'Remove deleted pages from the sitemap, or fix them; regenerate the sitemap on each deploy.');
    }
    if (redirected.length > 0) {
      push('low', first, `The sitemap lists ${redirected.length} URL${redirected.length === 1 ? ' that redirects' : 's that redirect'}`, 'A sitemap should list the final, canonical URLs; redirecting entries make crawlers do extra requests.', listSome(redirected), 'List the URL each redirect ends at instead.');
    }
    const noindexed = pages.filter((p) => listed.has(p.response.url) && noindexOf(p, collectedAt) !== undefined).map((p) => `${p.response.url} (${noindexOf(p, collectedAt)})`);
    if (noindexed.length > 0) {
      push('medium', first, `The sitemap lists ${noindexed.length} page${noindexed.length === 1 ? '' : 's'} marked noindex`, 'Listing a page in the sitemap asks for it to be indexed while its noindex forbids it; search engines report the conflict and drop the page.', listSome(noindexed), 'Either remove noindex from these pages or remove them from the sitemap.');
    }
    return { outcome: findings.length > 0 ? 'sitemap-validity-problems' : 'sitemap-validity-ok', findings };
  },
};
