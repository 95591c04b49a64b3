// Subresource Integrity: a script from another site runs with this page's full power, so a
// compromised CDN compromises the page unless the <script> pins the file's hash (integrity="sha384-…").
// Verdicts follow the MDN HTTP Observatory (src/analyzer/tests/subresource-integrity.js): "another site"
// is another registrable domain, and a scheme-less "//host/…" URL counts as not loaded securely since
// it follows the page onto plain HTTP wherever the page is served that way.
import { mediaType } from '../../headers.js';
import { sameSite } from '../../security/site.js';
import type { Check, FindingDraft, Page, Severity } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity'];
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The Observatory's order, best to worst (by index, not by points). */
const ORDER = [
  'sri-implemented-and-all-scripts-loaded-securely',
  'sri-implemented-and-external-scripts-loaded-securely',
  'sri-implemented-but-external-scripts-not-loaded-securely',
  'sri-not-implemented-but-external-scripts-loaded-securely',
  'sri-not-implemented-and-external-scripts-not-loaded-securely',
  'sri-not-implemented-response-not-html',
];
const worse = (next: string, current: string | undefined): string => (current === undefined || ORDER.indexOf(next) > ORDER.indexOf(current) ? next : current);

interface PageVerdict {
  outcome: string;
  findings: FindingDraft[];
}

function judgePage(page: Page, reported: Set<string>): PageVerdict {
  const res = page.response;
  const type = mediaType(res);
  if ((type !== '' && !HTML_TYPES.has(type)) || page.$ === undefined) return { outcome: 'sri-not-implemented-response-not-html', findings: [] };
  const $ = page.$;
  const scripts = $('script').toArray();
  if (scripts.length === 0) return { outcome: 'sri-not-implemented-but-no-scripts-loaded', findings: [] };
  const pageHost = new URL(res.url).hostname;
  const pageHttps = res.url.startsWith('https:');
  const findings: FindingDraft[] = [];
  let outcome: string | undefined;
  let foreign = false;

  for (const el of scripts) {
    const src = $(el).attr('src')?.trim();
    if (src === undefined || src === '') continue;
    const integrity = ($(el).attr('integrity') ?? '').trim() !== '';
    const schemeless = /^\/\/[^/]/.test(src);
    const absolute = /^https?:\/\//i.test(src);
    let host = pageHost;
    if (schemeless || absolute) {
      try {
        host = new URL(src, res.url).hostname;
      } catch {
        continue;
      }
    }
    const sameOrigin = !schemeless && (!absolute || sameSite(host, pageHost));
    const secureScheme = absolute ? /^https:/i.test(src) : !schemeless && pageHttps;
    if (sameOrigin) {
      if (integrity && secureScheme && outcome === undefined) outcome = 'sri-implemented-and-all-scripts-loaded-securely';
      continue;
    }
    foreign = true;
    let slug: string | undefined;
    let severity: Severity = 'low';
    if (integrity && !secureScheme) {
      slug = 'sri-implemented-but-external-scripts-not-loaded-securely';
      // Observatory -20; a scheme-less URL on an HTTPS page loads over HTTPS today.
      severity = schemeless && pageHttps ? 'low' : 'medium';
    } else if (!integrity && secureScheme) {
      slug = 'sri-not-implemented-but-external-scripts-loaded-securely';
      severity = 'low';
    } else if (!integrity) {
      slug = 'sri-not-implemented-and-external-scripts-not-loaded-securely';
      // Observatory -50; see above for the scheme-less case.
      severity = schemeless && pageHttps ? 'medium' : 'high';
    }
    if (slug === undefined) continue;
    outcome = worse(slug, outcome);
    const key = `${slug} ${src}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const https = src.replace(/^(https?:)?\/\//i, 'https://');
    findings.push({
      severity,
      title: integrity ? `Script ${src} is not loaded over HTTPS` : `Script from ${host} has no integrity attribute`,
      description: integrity
        ? 'The integrity hash protects the file, but the URL is not https://, so the request (and what it reveals) travels unencrypted wherever the page does.'
        : `The script comes from another site (${host})${secureScheme ? '' : ' and not over an explicit https:// URL'}; if that host or the path to it is compromised, the attacker's code runs in this page.`,
      evidence: $.html(el).replace(/>[\s\S]*$/, '>'),
      location: { url: res.url, selector: `script[src="${src}"]` },
      remediation: `Load it as \`<script src="${https}" integrity="sha384-…" crossorigin="anonymous"></script>\` (the hash from the provider, or \`openssl dgst -sha384 -binary file.js | openssl base64 -A\`).`,
      references: REFERENCES,
    });
  }
  if (outcome === undefined) outcome = foreign ? 'sri-implemented-and-external-scripts-loaded-securely' : 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
  return { outcome, findings };
}

export const subresourceIntegrity: Check = {
  id: 'subresource-integrity',
  category: 'security',
  depth: 'QUICK',
  title: 'Subresource Integrity on cross-site scripts',
  run({ page, pages }) {
    const reported = new Set<string>();
    const first = judgePage(page, reported);
    let outcome = first.outcome;
    const findings = [...first.findings];
    // Crawled pages add findings and can only make the verdict worse.
    for (const other of pages) {
      if (other === page || other.response.url === page.response.url) continue;
      const v = judgePage(other, reported);
      findings.push(...v.findings);
      if (ORDER.indexOf(v.outcome) > ORDER.indexOf(outcome) && v.outcome !== 'sri-not-implemented-response-not-html') outcome = v.outcome;
    }
    return { outcome, findings };
  },
};
