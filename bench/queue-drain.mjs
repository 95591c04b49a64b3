// 200 QUICK scans of local fixture sites queued at once and drained by the runner (node dist/cli.js serve,
// the scan engine, version 1 of each PDF report) at its configured concurrency. Prints scans per minute,
// how busy the workers were while work waited (from /metrics, sampled every 50 ms), and the runner's peak RSS.
// Usage: npm run build >/dev/null; node bench/queue-drain.mjs [concurrency=4] [scans=200] [latencyMs=30]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSites } from './lib/fixture-sites.mjs';
import { memoryMb, startRunner } from './lib/runner-process.mjs';

const concurrency = Number(process.argv[2] ?? 4);
const total = Number(process.argv[3] ?? 200);
const latencyMs = Number(process.argv[4] ?? 30);
const KEY = `bench-${randomBytes(24).toString('hex')}`;

const dir = mkdtempSync(path.join(tmpdir(), 'issafesite-bench-'));
const sites = await startSites(10, latencyMs);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The samples of /metrics this bench reads. */
async function metrics(base) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const scans = (status) => Number(new RegExp(`^issafesite_scans\\{status="${status}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return {
    busy: value('issafesite_workers_busy'),
    capacity: value('issafesite_workers'),
    waiting: value('issafesite_queue_depth'),
    ended: scans('COMPLETED') + scans('FAILED'),
    failed: scans('FAILED'),
    durationSum: Number(/^issafesite_scan_duration_seconds_sum\{status="COMPLETED"\} (\S+)$/m.exec(text)?.[1] ?? 0),
    durationCount: Number(/^issafesite_scan_duration_seconds_count\{status="COMPLETED"\} (\S+)$/m.exec(text)?.[1] ?? 0),
  };
}

let runner;
try {
  runner = await startRunner({
    db: path.join(dir, 'issafesite.db'),
    env: { RUNNER_BOOTSTRAP_KEY: KEY, RUNNER_CONCURRENCY: String(concurrency), RUNNER_ALLOW_PRIVATE_TARGETS: 'true', RUNNER_RATE_LIMITS: 'false', RUNNER_LOG_LEVEL: 'info' },
  });
  const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  const idleMb = memoryMb(runner.pid).now;

  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const url = `${sites.urls[i % sites.urls.length]}?scan=${i}`;
    const res = await fetch(`${runner.url}/api/v1/scan`, { method: 'POST', headers, body: JSON.stringify({ url, depth: 'QUICK' }) });
    if (res.status !== 202) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  }
  const queuedMs = performance.now() - started;

  let samples = 0;
  let waitingSamples = 0;
  let idleWhileWaiting = 0;
  let last;
  for (;;) {
    last = await metrics(runner.url);
    samples += 1;
    if (last.waiting > 0) {
      waitingSamples += 1;
      if (last.busy < last.capacity) idleWhileWaiting += 1;
    }
    if (last.ended >= total) break;
    await sleep(50);
  }
  const wallS = (performance.now() - started) / 1000;
  const memory = memoryMb(runner.pid);
  const meanScanS = last.durationSum / last.durationCount;
  const utilisation = (last.durationSum / (concurrency * wallS)) * 100;

  console.log(`${total} QUICK scans of ${sites.urls.length} local sites (${latencyMs} ms per response), concurrency ${concurrency}, each with its PDF report`);
  console.log(`queued in:                    ${(queuedMs / 1000).toFixed(1)} s`);
  console.log(`drained in:                   ${wallS.toFixed(1)} s   → ${((total / wallS) * 60).toFixed(0)} scans/min (${last.failed} failed)`);
  console.log(`mean scan (claim to end):     ${meanScanS.toFixed(2)} s   → at most ${((concurrency / meanScanS) * 60).toFixed(0)} scans/min at this concurrency`);
  console.log(`workers busy, whole run:      ${utilisation.toFixed(0)} % of ${concurrency} × ${wallS.toFixed(1)} s`);
  console.log(`samples with work waiting:    ${waitingSamples} of ${samples}; with a worker idle among them: ${idleWhileWaiting}`);
  console.log(`runner RSS:                   ${idleMb.toFixed(0)} MB idle, ${memory.peak.toFixed(0)} MB peak`);
} finally {
  await runner?.stop();
  await sites.close();
  rmSync(dir, { recursive: true, force: true });
}
