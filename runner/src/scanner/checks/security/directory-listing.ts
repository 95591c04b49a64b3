// Directory listing: the server shows the files of a folder that has no index page, which reveals files
// never linked from the site (backups, exports, uploads). Recognised by the listing pages of Apache, nginx,
// lighttpd, IIS, Tomcat, Jetty, Python's http.server and Node's serve-index and serve.
import { bodyText } from '../../collect/page.js';
import { matchesBaseline } from '../../rules/exposure-match.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FetchedResponse, FindingDraft } from '../../types.js';
import { listSome, truncate } from '../elements.js';

const LISTING = [
  /<title>\s*Index of \/[^<]*<\/title>/i,
  /<h1>\s*Index of \/[^<]*<\/h1>/i,
  /<title>\s*Directory listing for \/[^<]*<\/title>/i,
  /<title>\s*Directory Listing For \[?\/[^<]*<\/title>/i,
  /<title>\s*listing directory \/[^<]*<\/title>/i,
  /<title>\s*Files within \/[^<]*<\/title>/i,
  /\[To Parent Directory\]/,
  /<title>\s*Directory: \/[^<]*<\/title>/i,
];
/** File names in a listing that make it worse than a list of assets. */
const SENSITIVE = /\.(?:zip|tar|t?gz|7z|rar|sql|bak|old|orig|save|swp|log|env|ini|conf|config|ya?ml|key|pem|csv|xlsx?|db|sqlite)$|^\.(?:git|svn|env|htpasswd)/i;

/** The entries a listing links to (sort links, the parent folder and absolute URLs left out). */
function listedNames(html: string): string[] {
  const names: string[] = [];
  for (const m of html.matchAll(/<a\s[^>]*href="([^"#]*)"[^>]*>/gi)) {
    const href = m[1]!;
    if (href === '' || href.startsWith('?') || href.includes('://') || href.startsWith('../')) continue;
    let name: string;
    try {
      name = decodeURIComponent(href.split('?')[0]!.replace(/\/$/, '').split('/').pop() ?? '');
    } catch {
      continue;
    }
    if (name !== '' && name !== '..' && name !== '.' && !names.includes(name)) names.push(name);
  }
  return names;
}

export const directoryListing: Check = {
  id: 'directory-listing',
  category: 'security',
  depth: 'STANDARD',
  title: 'Directory listing',
  run({ directoryListings, pages, notFoundBaseline }) {
    if (directoryListings === undefined) return { findings: [], notApplicable: 'No asset folders were requested.' };
    const candidates = [...directoryListings.filter((r): r is FetchedResponse => !isFetchFailure(r)), ...pages.map((p) => p.response)];
    const findings: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const res of candidates) {
      if (res.status !== 200 || seen.has(res.url) || matchesBaseline(res, notFoundBaseline)) continue;
      const html = bodyText(res);
      const marker = LISTING.map((re) => re.exec(html)).find((m) => m !== null);
      if (!marker) continue;
      seen.add(res.url);
      const names = listedNames(html);
      const sensitive = names.filter((n) => SENSITIVE.test(n));
      findings.push({
        severity: sensitive.length > 0 ? 'medium' : 'low',
        title: `The server lists the files of ${new URL(res.url).pathname}`,
        description: `Anyone can browse this folder and download files that are not linked from the site.${sensitive.length > 0 ? ` It lists files that look sensitive: ${listSome(sensitive, ', ')}.` : ''}`,
        evidence: `GET ${res.url} → 200: ${JSON.stringify(truncate(marker[0].replace(/<[^>]+>/g, '').trim(), 80))}${names.length > 0 ? `; lists ${listSome(names, ', ', 8)}` : ''}`,
        location: { url: res.url },
        remediation: 'Turn directory listing off: nginx `autoindex off;`, Apache `Options -Indexes`, IIS `<directoryBrowse enabled="false" />`; or put an index page in the folder.',
        references: ['https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/04-Review_Old_Backup_and_Unreferenced_Files_for_Sensitive_Information', 'https://cwe.mitre.org/data/definitions/548.html'],
      });
    }
    return { outcome: findings.length > 0 ? 'directory-listing-enabled' : 'directory-listing-off', findings };
  },
};
