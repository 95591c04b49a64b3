// A fixture site collected at STANDARD or DEEP with small budgets, for the tests of the checks that read
// what the crawl and the probes gather. Sites are closed by closeSites() (call it in afterEach).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collect } from '../../runner/src/scanner/collect/index.js';
import type { Check, CheckReturn, Depth, ScanArtifacts } from '../../runner/src/scanner/types.js';
import { startServer, type Fixture, type Routes } from './fixture-server.js';

const open: Fixture[] = [];

export async function closeSites(): Promise<void> {
  await Promise.all(open.splice(0).map((f) => f.close()));
}

export interface CollectedSite {
  site: Fixture;
  artifacts: ScanArtifacts;
}

export async function collectSite(routes: Routes | ((req: IncomingMessage, res: ServerResponse) => void), depth: Exclude<Depth, 'QUICK'> = 'STANDARD', maxPages = 10): Promise<CollectedSite> {
  const site = await startServer(routes);
  open.push(site);
  const artifacts = await collect(site.url, { depth, allowPrivateTargets: true, maxPages, crawlTimeoutMs: 10_000 });
  return { site, artifacts };
}

/** Runs one check on a collected site. */
export async function checkSite(check: Check, routes: Parameters<typeof collectSite>[0], depth: Exclude<Depth, 'QUICK'> = check.depth === 'DEEP' ? 'DEEP' : 'STANDARD'): Promise<CheckReturn & { site: Fixture; artifacts: ScanArtifacts }> {
  const { site, artifacts } = await collectSite(routes, depth);
  return { ...check.run(artifacts), site, artifacts };
}

/** A site that answers every path with 200 and the same page (a single-page app's catch-all, a parked domain). */
export function soft404(html = '<!doctype html><html><head><title>App</title></head><body><div id="root"></div></body></html>') {
  return (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  };
}

/** An HTML page with the given head and body. */
export function html(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Page</title>${head}</head><body>${body}</body></html>`;
}
