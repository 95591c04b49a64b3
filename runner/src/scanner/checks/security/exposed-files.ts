// Exposed files, verified by content: the one generic check that runs every rule of rules/exposures.ts
// over the probe answers. A rule counts only when all its matchers hold AND the answer does not look like
// how the site answers for a random path (the not-found baseline), so a site that answers 200 with the same
// page for everything ("soft 404") yields nothing.
import { mediaType } from '../../headers.js';
import { matchesBaseline, matchExposure } from '../../rules/exposure-match.js';
import { exposureRule } from '../../rules/exposures.js';
import { isFetchFailure } from '../../types.js';
import type { Check, FindingDraft } from '../../types.js';
import { formatBytes } from '../traffic/responses.js';

export const exposedFiles: Check = {
  id: 'exposed-files',
  category: 'security',
  depth: 'STANDARD',
  title: 'Exposed files (repository metadata, secrets, backups, debug pages)',
  run({ exposures, notFoundBaseline }) {
    if (exposures === undefined) return { findings: [], notApplicable: 'The exposed-file probes did not run.' };
    const findings: FindingDraft[] = [];
    for (const probe of exposures) {
      const res = probe.response;
      if (isFetchFailure(res)) continue;
      const rule = exposureRule(probe.ruleId);
      if (rule === undefined) continue;
      const match = matchExposure(rule, res);
      if (match === undefined || matchesBaseline(res, notFoundBaseline)) continue;
      const type = mediaType(res) || 'no content type';
      const size = `${res.truncated ? 'first ' : ''}${formatBytes(res.body.length)}`;
      findings.push({
        severity: match.severity,
        title: `${rule.title} is publicly readable`,
        description: `${rule.leak}${match.escalatedFor ? ` This one contains ${match.escalatedFor}.` : ''}${probe.via ? ` It belongs to ${probe.via}.` : ''}`,
        evidence: `GET ${res.requestedUrl} → ${res.status} (${type}, ${size}): ${match.snippet}`,
        location: { url: res.url },
        remediation: rule.remediation,
        references: rule.references,
      });
    }
    if (findings.length > 0) return { outcome: 'exposed-files-found', findings };
    const soft404 = (notFoundBaseline ?? []).some((b) => !isFetchFailure(b) && b.status === 200);
    return { outcome: soft404 ? 'exposed-files-none-soft-404' : 'exposed-files-none', findings };
  },
};
