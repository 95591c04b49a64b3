// Recognising JavaScript libraries in the scripts a site loads and matching their versions against known
// vulnerabilities. The facts (js-libraries.json) are our own table for the libraries found most often on
// the web, checked against the retire.js repository and the GitHub advisories it links; `fromRetire`
// turns a current retire.js repository file into the same shape for an optional refresh at run time.
import type { JsLibrary, JsLibraryTable, JsVulnerability, Severity } from '../types.js';
import { SEVERITIES } from '../types.js';
import bundled from './js-libraries.json' with { type: 'json' };
import { compareVersions, inRange } from './versions.js';

export const BUNDLED_TABLE: JsLibraryTable = bundled as JsLibraryTable;

/** Where retire.js publishes its repository (used only when a scan asks for a refresh). */
export const RETIRE_REPOSITORY_URL = 'https://raw.githubusercontent.com/RetireJS/retire.js/master/repository/jsrepository-v4.json';

/**
 * A version as libraries write it: 1.8.3, 1.9.0b1, 3.0.0-rc.1, 4.0.0-beta.2, 1.0.0.beta.3. Stricter than
 * "anything starting with a digit" so that `jquery-1.8.3.min.js` yields 1.8.3, not 1.8.3.min.
 */
const VERSION_PATTERN = String.raw`\d+(?:\.\d+)+(?:[-.]?(?:alpha|beta|rc|pre|dev)(?:[.-]?\d+)*|[ab]\d+)?`;

export interface Detection {
  library: JsLibrary;
  version: string;
  /** How it was recognised: the script's URL, or a banner or pattern in its content. */
  via: 'url' | 'content';
  /** The text that matched (a file name, a banner line). */
  match: string;
}

const compiled = new WeakMap<JsLibrary, { urls: RegExp[]; content: RegExp[] }>();

function patternsOf(library: JsLibrary): { urls: RegExp[]; content: RegExp[] } {
  let entry = compiled.get(library);
  if (entry === undefined) {
    const build = (sources: string[] | undefined, flags: string): RegExp[] =>
      (sources ?? []).flatMap((s) => {
        try {
          return [new RegExp(s.replaceAll('§V', VERSION_PATTERN), flags)];
        } catch {
          // A refreshed table may carry a pattern this engine cannot compile; skip that one pattern.
          return [];
        }
      });
    entry = { urls: build(library.detect.urls, 'i'), content: build(library.detect.content, '') };
    compiled.set(library, entry);
  }
  return entry;
}

function firstVersion(match: RegExpExecArray): string | undefined {
  return match.slice(1).find((g) => g !== undefined && /^\d/.test(g));
}

/** The libraries (and versions) a script is, from its URL and, when given, its content. Content wins over the URL. */
export function detectLibraries(url: string, content: string | undefined, table: JsLibraryTable = BUNDLED_TABLE): Detection[] {
  const out: Detection[] = [];
  for (const library of table.libraries) {
    const { urls, content: patterns } = patternsOf(library);
    let found: Detection | undefined;
    if (content !== undefined) {
      for (const re of patterns) {
        const m = re.exec(content);
        const version = m === null ? undefined : firstVersion(m);
        if (m !== null && version !== undefined) {
          found = { library, version, via: 'content', match: m[0].trim() };
          break;
        }
      }
    }
    if (found === undefined) {
      const path = URL.parse(url);
      const target = path === null ? url : `${path.pathname}${path.search}`;
      for (const re of urls) {
        const m = re.exec(target);
        const version = m === null ? undefined : firstVersion(m);
        if (m !== null && version !== undefined) {
          found = { library, version, via: 'url', match: m[0] };
          break;
        }
      }
    }
    if (found !== undefined) out.push(found);
  }
  return out;
}

export interface MatchedVulnerability {
  vulnerability: JsVulnerability;
  /** The first version of the affected branch that has the fix; null when none exists. */
  fixedIn: string | null;
}

/** The vulnerabilities that affect this version. */
export function vulnerabilitiesOf(library: JsLibrary, version: string): MatchedVulnerability[] {
  const out: MatchedVulnerability[] = [];
  for (const vulnerability of library.vulnerabilities) {
    const range = vulnerability.ranges.find((r) => inRange(version, r));
    if (range !== undefined) out.push({ vulnerability, fixedIn: range.below ?? null });
  }
  return out;
}

/**
 * The lowest version at or above the current one that none of the matched vulnerabilities affects, or null
 * when one of them has no fix.
 */
export function safeVersion(matched: MatchedVulnerability[]): string | null {
  if (matched.some((m) => m.fixedIn === null)) return null;
  const candidates = [...new Set(matched.map((m) => m.fixedIn!))].sort(compareVersions);
  for (const candidate of candidates) {
    if (matched.every((m) => !m.vulnerability.ranges.some((r) => inRange(candidate, r)))) return candidate;
  }
  return candidates.at(-1) ?? null;
}

export function worstSeverity(severities: Severity[]): Severity {
  return severities.reduce<Severity>((worst, s) => (SEVERITIES.indexOf(s) < SEVERITIES.indexOf(worst) ? s : worst), 'info');
}

// ---------------------------------------------------------------------------------------------
// Refresh from the retire.js repository format (jsrepository-v4.json): { "<name>": { vulnerabilities:
// [{ atOrAbove?, below, severity, identifiers: { CVE?, githubID?, summary? } }], extractors } }.

/** Our library ids and the names retire.js files them under. */
const RETIRE_NAMES: Record<string, string> = {
  jquery: 'jquery',
  'jquery-ui': 'jquery-ui',
  angularjs: 'angularjs',
  bootstrap: 'bootstrap',
  lodash: 'lodash',
  underscore: 'underscore.js',
  moment: 'moment.js',
  handlebars: 'handlebars',
  vue: 'vue',
  'react-dom': 'react-dom',
  dompurify: 'DOMPurify',
};

/** retire.js writes "no fixed version" as an upper bound of 999.x. */
const NO_FIX = /^999(\.|$)/;

interface RetireVulnerability {
  atOrAbove?: unknown;
  below?: unknown;
  severity?: unknown;
  identifiers?: { CVE?: unknown; githubID?: unknown; summary?: unknown };
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Our table with each library's vulnerabilities replaced by those of a retire.js repository document. The
 * detection patterns stay ours. Throws when the document does not have the expected shape.
 */
export function fromRetire(document: unknown, base: JsLibraryTable = BUNDLED_TABLE, updated = new Date().toISOString().slice(0, 10)): JsLibraryTable {
  if (typeof document !== 'object' || document === null) throw new Error('retire.js repository: expected a JSON object');
  const repo = document as Record<string, { vulnerabilities?: unknown }>;
  let replaced = 0;
  const libraries = base.libraries.map((library) => {
    const entry = repo[RETIRE_NAMES[library.id] ?? library.id];
    if (entry === undefined || !Array.isArray(entry.vulnerabilities)) return library;
    const vulnerabilities: JsVulnerability[] = [];
    for (const raw of entry.vulnerabilities as RetireVulnerability[]) {
      const below = typeof raw.below === 'string' && !NO_FIX.test(raw.below) ? raw.below : undefined;
      const atOrAbove = typeof raw.atOrAbove === 'string' && raw.atOrAbove !== '0' ? raw.atOrAbove : undefined;
      const ids = raw.identifiers ?? {};
      const cve = Array.isArray(ids.CVE) ? ids.CVE.filter((c): c is string => typeof c === 'string') : [];
      const ghsa = typeof ids.githubID === 'string' ? ids.githubID : undefined;
      if (cve.length === 0 && ghsa === undefined) continue;
      vulnerabilities.push({
        ranges: [{ ...(atOrAbove ? { atOrAbove } : {}), ...(below ? { below } : {}) }],
        severity: isSeverity(raw.severity) ? raw.severity : 'medium',
        cve,
        ...(ghsa ? { ghsa } : {}),
        summary: typeof ids.summary === 'string' ? ids.summary.split('\n')[0]!.slice(0, 200) : 'Known vulnerability (see the advisory).',
      });
    }
    replaced++;
    return { ...library, vulnerabilities };
  });
  if (replaced === 0) throw new Error('retire.js repository: none of the known libraries is in the document');
  return { updated, libraries };
}
