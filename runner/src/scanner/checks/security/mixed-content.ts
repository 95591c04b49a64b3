// Mixed content: an HTTPS page that loads resources over plain HTTP. Active content (scripts,
// stylesheets, frames, plugins) can rewrite the page, and browsers block it; passive content (images,
// audio, video) can be swapped or watched, and browsers upgrade or show it with a warning.
import { analyzeCsp } from '../../security/csp.js';
import { documentBase } from '../../security/html.js';
import { resolveUrl } from '../../security/site.js';
import type { Check, FindingDraft, Page } from '../../types.js';

const REFERENCES = ['https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content'];

interface Rule {
  selector: string;
  attr: string;
  kind: string;
  active: boolean;
}

const RULES: Rule[] = [
  { selector: 'script[src]', attr: 'src', kind: 'script', active: true },
  { selector: 'link[href]', attr: 'href', kind: 'stylesheet', active: true },
  { selector: 'iframe[src], frame[src]', attr: 'src', kind: 'frame', active: true },
  { selector: 'object[data]', attr: 'data', kind: 'plugin', active: true },
  { selector: 'embed[src]', attr: 'src', kind: 'plugin', active: true },
  { selector: 'img[src], input[type="image" i][src]', attr: 'src', kind: 'image', active: false },
  { selector: 'img[srcset], source[srcset]', attr: 'srcset', kind: 'image', active: false },
  { selector: 'audio[src], video[src], source[src], track[src]', attr: 'src', kind: 'media', active: false },
  { selector: 'video[poster]', attr: 'poster', kind: 'image', active: false },
];

/** Every URL a srcset names ("a.jpg 1x, b.jpg 2x"). */
function srcsetUrls(value: string): string[] {
  return value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '').filter((u) => u !== '');
}

interface Hit {
  url: string;
  selector: string;
  kind: string;
}

function scan(page: Page): { active: Hit[]; passive: Hit[] } {
  const $ = page.$!;
  const base = documentBase(page);
  const active: Hit[] = [];
  const passive: Hit[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    $(rule.selector).each((_, el) => {
      const node = $(el);
      // Only stylesheet links load active content; icons and preloads are judged by their type.
      if (rule.kind === 'stylesheet' && !/\bstylesheet\b/i.test(node.attr('rel') ?? '')) return;
      const raw = node.attr(rule.attr) ?? '';
      for (const ref of rule.attr === 'srcset' ? srcsetUrls(raw) : [raw]) {
        const url = resolveUrl(ref, base);
        if (url?.protocol !== 'http:' || seen.has(url.href)) continue;
        seen.add(url.href);
        (rule.active ? active : passive).push({ url: url.href, selector: `${(el as { tagName?: string }).tagName ?? rule.kind}[${rule.attr}="${ref}"]`, kind: rule.kind });
      }
    });
  }
  return { active, passive };
}

function listed(hits: Hit[]): string {
  const shown = hits.slice(0, 10).map((h) => `${h.kind}: ${h.url}`);
  if (hits.length > 10) shown.push(`… and ${hits.length - 10} more`);
  return shown.join('\n');
}

export const mixedContent: Check = {
  id: 'mixed-content',
  category: 'security',
  depth: 'QUICK',
  title: 'Mixed content on HTTPS pages',
  run({ pages }) {
    const httpsPages = pages.filter((p) => p.response.url.startsWith('https:') && p.$ !== undefined);
    if (httpsPages.length === 0) return { findings: [], notApplicable: 'No page is served over HTTPS.' };
    const findings: FindingDraft[] = [];
    let anyActive = false;
    for (const p of httpsPages) {
      const { active, passive } = scan(p);
      if (active.length + passive.length === 0) continue;
      // upgrade-insecure-requests makes browsers fetch these over HTTPS instead (CSP: Upgrade Insecure Requests §3).
      const upgraded = analyzeCsp(p).flags?.upgradeInsecureRequests === true;
      const url = p.response.url;
      if (active.length > 0) {
        anyActive = true;
        findings.push({
          severity: upgraded ? 'info' : 'high',
          title: `HTTPS page loads ${active.length === 1 ? `a ${active[0]!.kind}` : `${active.length} scripts, stylesheets or frames`} over plain HTTP`,
          description: upgraded
            ? 'Content-Security-Policy upgrade-insecure-requests makes browsers fetch these over HTTPS; the URLs should still say https://.'
            : 'Browsers block active mixed content, so these parts of the page are broken; where they load, anyone on the network can change them and take over the page.',
          evidence: listed(active),
          location: { url, selector: active[0]!.selector },
          remediation: 'Change these URLs to https:// (or to relative URLs), and send `Content-Security-Policy: upgrade-insecure-requests` as a safety net.',
          references: REFERENCES,
        });
      }
      if (passive.length > 0) {
        findings.push({
          severity: upgraded ? 'info' : 'low',
          title: `HTTPS page loads ${passive.length === 1 ? `an ${passive[0]!.kind}` : `${passive.length} images or media`} over plain HTTP`,
          description: upgraded
            ? 'Content-Security-Policy upgrade-insecure-requests makes browsers fetch these over HTTPS; the URLs should still say https://.'
            : 'Anyone on the network can see which of these are loaded and replace them; browsers flag the page as not fully secure.',
          evidence: listed(passive),
          location: { url, selector: passive[0]!.selector },
          remediation: 'Change these URLs to https:// (or to relative URLs).',
          references: REFERENCES,
        });
      }
    }
    const outcome = findings.length === 0 ? 'mixed-content-none' : anyActive ? 'mixed-content-active' : 'mixed-content-passive';
    return { outcome, findings };
  },
};
