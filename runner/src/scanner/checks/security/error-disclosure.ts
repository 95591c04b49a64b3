// Error details shown to visitors: stack traces, framework debug pages and database error messages reveal
// file paths, library versions, queries — and a database error provoked by a quote in a parameter is the
// classic sign of SQL injection. Read from the site's answers to random paths (its 404 page), a target page
// that fails with 5xx, and at DEEP from the answers to malformed parameters. Ordinary 2xx pages are not
// read: a blog post about an exception is not a leak.
import { bodyText } from '../../collect/page.js';
import { errorSignatureIn, type ErrorSignature } from '../../rules/error-signatures.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FetchedResponse, FindingDraft, Page } from '../../types.js';
import { truncate } from '../elements.js';
import { requestLine } from './active-probes.js';

const REFERENCES = [
  'https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/08-Testing_for_Error_Handling/01-Testing_For_Improper_Error_Handling',
  'https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html',
];
const MAX_FINDINGS = 10;

interface Seen {
  res: FetchedResponse;
  how: string;
  /** Answers that show one error page share a key, so it is reported once. */
  key: string;
  /** Answer to a malformed parameter, whose unmodified page is `original`. */
  provoked?: { original?: Page };
}

function severityOf(signature: ErrorSignature, provoked: boolean): FindingDraft['severity'] {
  if (signature.kind === 'debug-page') return 'high';
  if (signature.kind === 'sql-error') return provoked ? 'high' : 'medium';
  return 'medium';
}

export const errorDisclosure: Check = {
  id: 'error-disclosure',
  category: 'security',
  depth: 'STANDARD',
  title: 'Stack traces, debug pages and database errors',
  run({ notFoundBaseline, page, pages, activeProbes }) {
    if (notFoundBaseline === undefined) return { findings: [], notApplicable: 'The error pages of the site were not requested.' };
    const seen: Seen[] = [];
    for (const r of notFoundBaseline) if (!isFetchFailure(r)) seen.push({ res: r, how: `GET ${r.requestedUrl} (a path that does not exist)`, key: 'not-found page' });
    if (page.response.status >= 500) seen.push({ res: page.response, how: `GET ${page.response.requestedUrl}`, key: page.response.url });
    for (const p of activeProbes ?? []) {
      if (p.kind !== 'error-input' || isFetchFailure(p.response)) continue;
      // The page as crawled, without our input: same path.
      const path = new URL(p.url).pathname;
      const original = pages.find((pg) => new URL(pg.response.url).pathname === path);
      seen.push({ res: p.response, how: requestLine(p), key: path, provoked: { original } });
    }
    const findings: FindingDraft[] = [];
    const reported = new Set<string>();
    for (const s of seen) {
      const text = bodyText(s.res);
      const hit = errorSignatureIn(text);
      if (hit === undefined) continue;
      // Present on the page anyway (documentation, a code sample): not caused by our input.
      if (s.provoked?.original !== undefined && hit.signature.pattern.test(bodyText(s.provoked.original.response))) continue;
      const key = `${hit.signature.id} ${s.key}`;
      if (reported.has(key) || findings.length >= MAX_FINDINGS) continue;
      reported.add(key);
      const provoked = s.provoked !== undefined;
      const sql = hit.signature.kind === 'sql-error';
      const snippet = text.slice(hit.index, hit.index + 160).replace(/\s+/g, ' ');
      findings.push({
        severity: severityOf(hit.signature, provoked),
        title: sql ? `A ${hit.signature.source} error message reaches visitors${provoked ? ' when a parameter contains a quote' : ''}` : `A ${hit.signature.source} is shown to visitors`,
        description: sql
          ? `The response shows a database error.${provoked ? ' It appeared when the parameter held a quote, which means the input reaches an SQL query unescaped: a strong sign of SQL injection.' : ''} It also reveals the database and parts of the query.`
          : hit.signature.kind === 'debug-page'
            ? 'The application runs with its debug mode on in this deployment: the page reveals source code, configuration and sometimes an interactive console.'
            : 'The error response includes a stack trace: file paths, function names and library versions that help an attacker.',
        evidence: `${s.how} → ${s.res.status}: ${JSON.stringify(truncate(snippet, 160))}`,
        location: { url: s.res.url },
        remediation: sql && provoked
          ? 'Use parameterised queries (prepared statements) for every query that takes input, and show a generic error page instead of database messages.'
          : 'Turn off debug mode in production and configure a generic error page; log the details on the server instead (e.g. Django DEBUG=False, Laravel APP_DEBUG=false, ASP.NET customErrors mode="On", Express NODE_ENV=production).',
        references: REFERENCES,
      });
    }
    return { outcome: findings.length > 0 ? 'error-disclosure-found' : 'error-disclosure-none', findings };
  },
};
