// robots.txt tells crawlers what they may fetch. Google's handling decides the verdicts: 4xx means "no
// rules" (crawl everything), while 5xx and 429 make Google treat the whole site as disallowed until it can
// read the file again; a `Disallow: /` for every crawler keeps the site out of search entirely.
import { mediaType } from '../../headers.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FindingDraft } from '../../types.js';
import { listSome } from '../elements.js';
import { parseRobots, robotsSyntaxErrors, robotsText } from './robots-rules.js';

const REFERENCES = [
  'https://developers.google.com/search/docs/crawling-indexing/robots/robots_txt',
  'https://developers.google.com/search/docs/crawling-indexing/robots/create-robots-txt',
  'https://developer.chrome.com/docs/lighthouse/seo/invalid-robots-txt',
];

/** Whose exclusion hides a site from search: any crawler (the `*` group), Google and Bing. */
const CRAWLERS: { ua: string | undefined; label: string }[] = [
  { ua: undefined, label: 'all crawlers (User-agent: *)' },
  { ua: 'Googlebot', label: 'Googlebot' },
  { ua: 'bingbot', label: 'bingbot' },
];

/** A path no site links to: if it and the root are both disallowed, the rules cover the whole site. */
const DEEP_PATH = '/any/page.html';

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype\s+html|html|head|body)\b/i.test(text);
}

export const robotsTxt: Check = {
  id: 'robots-txt',
  category: 'seo',
  depth: 'QUICK',
  title: 'robots.txt',
  run({ page, robotsTxt: fetched }) {
    const pageUrl = page.response.url;
    const robotsUrl = new URL('/robots.txt', pageUrl).href;
    if (fetched === undefined) return { findings: [], notApplicable: 'robots.txt was not fetched.' };
    const base = { location: { url: robotsUrl }, references: REFERENCES };
    if (isFetchFailure(fetched)) {
      return {
        outcome: 'robots-txt-unreachable',
        findings: [
          {
            ...base,
            severity: 'medium',
            title: 'robots.txt could not be fetched',
            description: 'When robots.txt cannot be fetched, Google treats the site as if crawling were disallowed until it can read the file.',
            evidence: `GET ${fetched.requestedUrl} failed: ${fetched.error} (${fetched.message})`,
            remediation: 'Make /robots.txt answer quickly with 200 (the rules) or 404 (no rules) from every server and CDN edge.',
          },
        ],
      };
    }
    const status = `GET ${fetched.requestedUrl} → ${fetched.status}`;
    if (fetched.status === 429 || fetched.status >= 500) {
      return {
        outcome: 'robots-txt-server-error',
        findings: [
          {
            ...base,
            severity: 'medium',
            title: `robots.txt answers with an error (${fetched.status})`,
            description: 'Google treats a 5xx or 429 on robots.txt as "crawling disallowed" for the whole site; if it lasts, pages drop out of the index.',
            evidence: status,
            remediation: 'Serve /robots.txt with 200 and the rules, or with 404 if there are none; never a server error or rate limit.',
          },
        ],
      };
    }
    if (fetched.status >= 400) {
      return {
        outcome: 'robots-txt-missing',
        findings: [
          {
            ...base,
            severity: 'low',
            title: 'The site has no robots.txt',
            description: 'Crawlers read a missing robots.txt as "everything allowed". That works, but a robots.txt is where crawlers find the sitemap and where private areas are kept out of crawling.',
            evidence: status,
            remediation: 'Serve a /robots.txt, at least `User-agent: *`, `Allow: /` and a `Sitemap: https://…/sitemap.xml` line.',
          },
        ],
      };
    }
    if (fetched.status < 200 || fetched.status >= 300) {
      return {
        outcome: 'robots-txt-unexpected-status',
        findings: [
          {
            ...base,
            severity: 'low',
            title: `robots.txt answers with status ${fetched.status}`,
            description: 'Crawlers expect robots.txt to answer 200 with the rules or 404 without; other answers are handled unpredictably.',
            evidence: status,
            remediation: 'Serve /robots.txt with status 200.',
          },
        ],
      };
    }
    const text = robotsText(fetched.body);
    if (mediaType(fetched) === 'text/html' || looksLikeHtml(text)) {
      return {
        outcome: 'robots-txt-html',
        findings: [
          {
            ...base,
            severity: 'low',
            title: 'robots.txt is an HTML page',
            description: 'The server answers /robots.txt with an HTML page (typically a single-page app\'s fallback route), so crawlers find no rules and no sitemap in it.',
            evidence: `${status} (${mediaType(fetched) || 'no content type'}): ${JSON.stringify(text.trim().slice(0, 80))}`,
            remediation: 'Serve a real text file at /robots.txt (`Content-Type: text/plain`), or answer 404 for it instead of the app\'s fallback page.',
          },
        ],
      };
    }

    const findings: FindingDraft[] = [];
    const lines = text.split(/\r\n|\r|\n/);
    const robots = parseRobots(robotsUrl, text);
    const origin = new URL(robotsUrl).origin;
    const blockedEverywhere = CRAWLERS.filter(({ ua }) => robots.isAllowed(`${origin}/`, ua) === false && robots.isAllowed(`${origin}${DEEP_PATH}`, ua) === false);
    const ruleLine = (url: string, ua: string | undefined): string => {
      const n = robots.getMatchingLineNumber(url, ua);
      return n > 0 ? `line ${n}: ${(lines[n - 1] ?? '').trim()}` : '';
    };
    if (blockedEverywhere.length > 0) {
      const first = blockedEverywhere[0]!;
      const line = robots.getMatchingLineNumber(`${origin}/`, first.ua);
      findings.push({
        severity: 'high',
        title: `robots.txt blocks ${first.ua === undefined ? 'all crawlers' : first.label} from the whole site`,
        description: `A disallow rule covering "/" keeps ${blockedEverywhere.map((c) => c.label).join(', ')} from crawling any page, so the site cannot appear in search results (at best as a bare URL without a description).`,
        evidence: `${robotsUrl} ${ruleLine(`${origin}/`, first.ua)}`.trim(),
        location: { url: robotsUrl, ...(line > 0 ? { line } : {}) },
        remediation: 'Remove `Disallow: /` from the group (or replace it with the paths that must stay private). To keep a page out of results, use `noindex` instead of blocking crawling.',
        references: REFERENCES,
      });
    } else {
      const blockedPage = CRAWLERS.filter(({ ua }) => robots.isAllowed(pageUrl, ua) === false);
      if (blockedPage.length > 0) {
        const first = blockedPage[0]!;
        const line = robots.getMatchingLineNumber(pageUrl, first.ua);
        findings.push({
          severity: 'medium',
          title: 'robots.txt blocks the scanned page',
          description: `${blockedPage.map((c) => c.label).join(', ')} may not crawl ${pageUrl}, so search engines cannot read it; a blocked page linked from elsewhere can still show up, but only as a bare URL.`,
          evidence: `${robotsUrl} ${ruleLine(pageUrl, first.ua)}`.trim(),
          location: { url: robotsUrl, ...(line > 0 ? { line } : {}) },
          remediation: 'Narrow the disallow rule so it no longer matches this page, or add an `Allow:` rule for it.',
          references: REFERENCES,
        });
      }
    }

    const errors = robotsSyntaxErrors(text);
    if (errors.length > 0) {
      findings.push({
        severity: 'low',
        title: `robots.txt has ${errors.length} line${errors.length === 1 ? '' : 's'} crawlers cannot use`,
        description: 'Crawlers skip lines they do not understand, so the rules written there have no effect and the file may allow or block other paths than intended.',
        evidence: listSome(errors.map((e) => `line ${e.line}: ${e.text} (${e.problem})`)),
        location: { url: robotsUrl, line: errors[0]!.line },
        remediation: 'Write each line as `Name: value` with User-agent, Allow, Disallow or Sitemap; start every group with User-agent and every path with "/".',
        references: REFERENCES,
      });
    }
    const outcome = blockedEverywhere.length > 0 ? 'robots-txt-blocks-all' : findings.some((f) => f.severity === 'medium') ? 'robots-txt-blocks-page' : errors.length > 0 ? 'robots-txt-syntax-errors' : 'robots-txt-ok';
    return { outcome, findings };
  },
};
