// Shared by the checks that judge the DEEP active probes (collect/probes/active.ts).
import { isFetchFailure } from '../../types.js';
import type { ActiveProbe, ActiveProbeKind, FetchedResponse, ScanArtifacts } from '../../types.js';

export type AnsweredProbe = ActiveProbe & { response: FetchedResponse };

/** The probes of one kind that got an HTTP answer, or the reason there are none to judge. */
export function answeredProbes(artifacts: ScanArtifacts, ...kinds: ActiveProbeKind[]): AnsweredProbe[] | { notApplicable: string } {
  if (artifacts.activeProbes === undefined) return { notApplicable: 'The active probes run at DEEP depth only.' };
  const probes = artifacts.activeProbes.filter((p): p is AnsweredProbe => kinds.includes(p.kind) && !isFetchFailure(p.response));
  if (probes.length === 0) return { notApplicable: 'None of these probes got an answer.' };
  return probes;
}

/** The probe as a request line with the headers we set, for evidence. */
export function requestLine(probe: ActiveProbe): string {
  const headers = Object.entries(probe.headers).map(([n, v]) => `${n.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase())}: ${v}`);
  return `${probe.method} ${probe.url}${headers.length > 0 ? ` with ${headers.join(', ')}` : ''}`;
}
