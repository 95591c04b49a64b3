// JavaScript libraries with known vulnerabilities: every script the crawled pages load is fingerprinted by
// its URL and its content (banner comments, version strings) and the version matched against the table of
// known vulnerabilities (rules/js-libraries.json, or a table refreshed from retire.js at run time). One
// finding per library version and script, with the CVE ids, severities and the first fixed versions.
import { BUNDLED_TABLE, detectLibraries, safeVersion, vulnerabilitiesOf, worstSeverity, type MatchedVulnerability } from '../../rules/js-libraries.js';
import { mediaType } from '../../headers.js';
import { inRange } from '../../rules/versions.js';
import { isFetchFailure, SEVERITIES } from '../../types.js';
import type { Check, FindingDraft } from '../../types.js';
import { listSome, truncate } from '../elements.js';

/** Vulnerabilities spelled out in a finding's description; the rest are counted. */
const LISTED = 8;
const MAX_REFERENCES = 6;

function ids(m: MatchedVulnerability): string {
  const v = m.vulnerability;
  return v.cve.length > 0 ? v.cve.join(', ') : (v.ghsa ?? 'advisory without id');
}

function line(m: MatchedVulnerability): string {
  return `${ids(m)} (${m.vulnerability.severity}, ${m.fixedIn === null ? 'no fixed version' : `fixed in ${m.fixedIn}`}): ${m.vulnerability.summary}`;
}

function advisoryLinks(matched: MatchedVulnerability[]): string[] {
  const links = matched.map((m) =>
    m.vulnerability.ghsa ? `https://github.com/advisories/${m.vulnerability.ghsa}` : m.vulnerability.cve[0] ? `https://nvd.nist.gov/vuln/detail/${m.vulnerability.cve[0]}` : undefined,
  );
  return [...new Set(links.filter((l): l is string => l !== undefined))].slice(0, MAX_REFERENCES);
}

export const vulnerableLibraries: Check = {
  id: 'vulnerable-libraries',
  category: 'security',
  depth: 'STANDARD',
  title: 'JavaScript libraries with known vulnerabilities',
  run({ scripts, libraryTable }) {
    if (scripts === undefined) return { findings: [], notApplicable: 'The scripts of the site were not gathered.' };
    if (scripts.length === 0) return { findings: [], notApplicable: 'The crawled pages load no scripts.' };
    const table = libraryTable ?? BUNDLED_TABLE;
    const findings: FindingDraft[] = [];
    let recognised = 0;
    for (const script of scripts) {
      const res = script.response;
      // A script URL that answers an error or an HTML page (a soft 404) is no library, whatever its name says;
      // one that got no answer (a CDN out of reach, the budget spent) is judged by its URL alone.
      if (res !== undefined && !isFetchFailure(res) && (res.status !== 200 || mediaType(res) === 'text/html')) continue;
      const content = res !== undefined && !isFetchFailure(res) ? res.body.toString('latin1') : undefined;
      for (const detection of detectLibraries(script.url, content, table)) {
        recognised++;
        const { library, version } = detection;
        const matched = vulnerabilitiesOf(library, version);
        if (matched.length === 0) continue;
        const safe = safeVersion(matched);
        const eol = library.endOfLife !== undefined && inRange(version, { below: library.endOfLife.below });
        const listed = matched.slice().sort((a, b) => SEVERITIES.indexOf(a.vulnerability.severity) - SEVERITIES.indexOf(b.vulnerability.severity));
        const more = listed.length > LISTED ? ` And ${listed.length - LISTED} more.` : '';
        findings.push({
          severity: worstSeverity(matched.map((m) => m.vulnerability.severity)),
          title: `${library.name} ${version} has ${matched.length} known vulnerabilit${matched.length === 1 ? 'y' : 'ies'}`,
          description: `${script.url} is ${library.name} ${version}, loaded by ${listSome(script.pages, ', ', 3)}. Known vulnerabilities: ${listed.slice(0, LISTED).map(line).join(' · ')}.${more}${eol ? ` ${library.endOfLife!.note}` : ''}`,
          evidence: `${script.url} — ${detection.via === 'url' ? 'file name' : 'content'}: ${JSON.stringify(truncate(detection.match, 100))} (loaded by ${script.pages[0] ?? 'a crawled page'})`,
          location: { url: script.url },
          remediation:
            safe === null
              ? `No release of ${library.name} fixes all of these${eol ? ' (it is end-of-life)' : ''}: replace it with a maintained library, or remove it if nothing needs it.`
              : `Upgrade ${library.name} to ${safe} or later (the first version without these known vulnerabilities) and test the pages that use it.`,
          references: advisoryLinks(listed),
        });
      }
    }
    if (findings.length > 0) return { outcome: 'vulnerable-libraries-found', findings };
    return { outcome: recognised > 0 ? 'vulnerable-libraries-none' : 'vulnerable-libraries-none-recognised', findings };
  },
};
