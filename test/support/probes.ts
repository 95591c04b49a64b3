// Running collect's probes against a fixture site without a whole scan: a Fetcher allowed to reach
// 127.0.0.1, a generous deadline, and the result as artifacts for the checks.
import { Deadline } from '../../runner/src/scanner/collect/budget.js';
import { Fetcher } from '../../runner/src/scanner/collect/fetcher.js';
import type { ScanArtifacts } from '../../runner/src/scanner/types.js';
import { artifacts } from './artifacts.js';
import type { Fixture } from './fixture-server.js';

export async function withFetcher<T>(run: (fetcher: Fetcher, deadline: Deadline) => Promise<T>): Promise<T> {
  const fetcher = new Fetcher({ allowPrivateTargets: true });
  try {
    return await run(fetcher, Deadline.in(20_000));
  } finally {
    await fetcher.close();
  }
}

/** Artifacts whose page is the fixture's home page, with the given collected parts. */
export function siteArtifacts(site: Fixture, parts: Partial<ScanArtifacts>): ScanArtifacts {
  const base = artifacts({ depth: 'STANDARD', ...parts });
  const page = { ...base.page, response: { ...base.page.response, url: site.url, requestedUrl: site.url } };
  return { ...base, target: site.url, page, pages: parts.pages ?? [page], tls: undefined, ...parts };
}
