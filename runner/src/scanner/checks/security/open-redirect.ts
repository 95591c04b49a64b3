// Open redirect: a parameter such as ?next= sends visitors to any address given, so phishing links can
// start on this trusted domain. Probed at DEEP with the common parameter names and a host under .invalid;
// redirects are never followed. A 3xx Location, a Refresh header or a meta refresh to that host counts.
import { bodyText } from '../../collect/page.js';
import { header, headerLine, mediaType } from '../../headers.js';
import type { Check, FindingDraft } from '../../types.js';
import { truncate } from '../elements.js';
import { answeredProbes, requestLine } from './active-probes.js';

const REFERENCES = [
  'https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html',
  'https://cwe.mitre.org/data/definitions/601.html',
];

function targetsHost(value: string, base: string, host: string): boolean {
  const m = /url\s*=\s*['"]?([^'">\s]+)/i.exec(value);
  const u = URL.parse((m?.[1] ?? value).trim(), base);
  return u !== null && u.hostname.toLowerCase() === host.toLowerCase();
}

export const openRedirect: Check = {
  id: 'open-redirect',
  category: 'security',
  depth: 'DEEP',
  title: 'Open redirect',
  run(artifacts) {
    const probes = answeredProbes(artifacts, 'open-redirect');
    if ('notApplicable' in probes) return { findings: [], notApplicable: probes.notApplicable };
    const findings: FindingDraft[] = [];
    // One finding per parameter: the same handler usually serves it on every page.
    const reported = new Map<string, FindingDraft>();
    for (const p of probes) {
      const host = p.marker ?? '';
      const res = p.response;
      let evidence: string | undefined;
      const location = header(res, 'location');
      const refresh = header(res, 'refresh');
      if (res.status >= 300 && res.status < 400 && location !== undefined && targetsHost(location, p.url, host)) evidence = `${res.status}, ${headerLine('Location', location)}`;
      else if (refresh !== undefined && targetsHost(refresh, p.url, host)) evidence = `${res.status}, ${headerLine('Refresh', refresh)}`;
      else if (mediaType(res) === 'text/html') {
        const meta = /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*>/i.exec(bodyText(res));
        if (meta && targetsHost(/content\s*=\s*["']([^"']*)["']/i.exec(meta[0])?.[1] ?? '', p.url, host)) evidence = `${res.status}, ${truncate(meta[0])}`;
      }
      if (evidence === undefined) continue;
      const earlier = reported.get(p.param ?? '');
      if (earlier !== undefined) {
        earlier.evidence += `; also ${p.url.split('?')[0]}`;
        continue;
      }
      const finding: FindingDraft = {
        severity: 'medium',
        title: `The "${p.param}" parameter redirects to any site`,
        description: `A link to ${new URL(p.url).origin} with ${p.param}=<any address> sends the visitor to that address. Attackers use such links in phishing: the link shows this trusted domain, the visitor ends up on theirs.`,
        evidence: `${requestLine(p)} → ${evidence}`,
        location: { url: p.url, header: 'Location' },
        remediation: `Redirect only to relative paths or to a fixed list of allowed hosts; reject (or replace with "/") any other value of "${p.param}".`,
        references: REFERENCES,
      };
      reported.set(p.param ?? '', finding);
      findings.push(finding);
    }
    return { outcome: findings.length > 0 ? 'open-redirect-found' : 'open-redirect-none', findings };
  },
};
