// GET /api/v1/scan over 100 000 stored scans: the runner (node dist/cli.js serve, a child process) against a
// bare express app answering the same JSON page from memory, both loaded with autocannon on this machine
// in the same run. Goals: at least 50 % of the bare app's requests/s, p99 at most 20 ms.
// Usage: npm run build >/dev/null; node bench/api-list.mjs [seconds=10] [connections=10] [scans=100000]
// The per-minute request limit is lifted with RUNNER_RATE_LIMITS=false (a benchmark-only setting).
// The runner keeps a listing while nothing is written (server/services/read-cache.ts); the last line
// asks for a different page each time, so that every answer is read from SQLite.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importTs } from './lib/import-ts.mjs';
import { memoryMb, startRunner } from './lib/runner-process.mjs';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const scans = Number(process.argv[4] ?? 100_000);
const KEY = `bench-${randomBytes(24).toString('hex')}`;

const { openSqliteStore } = await importTs('runner/src/store/sqlite/index.ts');
const { issueApiKey } = await importTs('runner/src/auth/api-keys.ts');

const dir = mkdtempSync(path.join(tmpdir(), 'issafesite-bench-'));
const db = path.join(dir, 'issafesite.db');

/** 100 000 finished scans of one account over a year, 500 domains, as the worker would have stored them. */
async function seed() {
  const store = await openSqliteStore(db, 'better-sqlite3');
  const started = Date.now();
  const { account } = await issueApiKey(store, { accountName: 'bench', plan: 'ENTERPRISE', now: started, key: KEY });
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const id = () => `c${Array.from(randomBytes(24), (b) => alphabet[b % 36]).join('')}`;
  const result = JSON.stringify({ findings: [], checks: Array.from({ length: 12 }, (_, i) => ({ id: `check-${i}`, status: 'pass' })), pages: ['https://example.com/'], scoringVersion: '1.0' });
  const grades = ['A+', 'A', 'B', 'C', 'D', 'F'];
  const insert = store.driver.prepare(
    `INSERT INTO scans (id, account_id, url, domain, depth, status, attempts, available_at, created_at, started_at, completed_at,
       overall_score, grade, security_score, seo_score, traffic_score, findings_count, pages_scanned, error, result_json)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const yearAgo = started - 365 * 86_400_000;
  store.driver.transaction(() => {
    for (let i = 0; i < scans; i++) {
      const domain = `site${i % 500}.example`;
      const created = yearAgo + Math.floor((i * 365 * 86_400_000) / scans);
      const failed = i % 20 === 0;
      const score = 40 + (i % 60);
      insert.run([
        id(),
        account.id,
        `https://${domain}/`,
        domain,
        ['QUICK', 'STANDARD', 'DEEP'][i % 3],
        failed ? 'FAILED' : 'COMPLETED',
        created,
        created,
        created + 1_000,
        created + 20_000,
        failed ? null : score,
        failed ? null : grades[i % 6],
        failed ? null : score,
        failed ? null : score,
        failed ? null : score,
        failed ? null : i % 17,
        failed ? `DNS lookup failed for ${domain}` : null,
        failed ? null : result,
      ]);
    }
  });
  await store.close();
  return Date.now() - started;
}

function load(url, headers, requests) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers, ...(requests ? { requests } : {}) }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** Pages 1 to 600 in turn: more distinct lists than the runner keeps (500), so every read goes to SQLite. */
function everyPage() {
  let n = 0;
  return [{ setupRequest: (req) => ({ ...req, path: `/api/v1/scan?page=${(n++ % 600) + 1}` }) }];
}

function startBare(pageFile) {
  const child = spawn(process.execPath, ['bench/lib/bare-express.mjs', pageFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve) => {
    child.stdout.once('data', (port) => resolve({ url: `http://127.0.0.1:${String(port).trim()}`, stop: () => child.kill('SIGTERM') }));
  });
}

const summary = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx });

let runner;
let bare;
try {
  const seedMs = await seed();
  console.log(`seeded ${scans} scans in ${(seedMs / 1000).toFixed(1)} s`);
  runner = await startRunner({ db, env: { RUNNER_RATE_LIMITS: 'false', RUNNER_LOG_LEVEL: 'info' } });
  const headers = { authorization: `Bearer ${KEY}` };
  const first = await fetch(`${runner.url}/api/v1/scan`, { headers });
  const page = await first.text();
  if (first.status !== 200) throw new Error(`the runner answered ${first.status}: ${page}`);
  const pageFile = path.join(dir, 'page.json');
  writeFileSync(pageFile, page);
  bare = await startBare(pageFile);
  console.log(`page: ${JSON.parse(page).data.length} scans of ${JSON.parse(page).pagination.total}, ${page.length} bytes`);

  // Warm both (JIT, SQLite page cache), then measure each for the same time.
  await load(`${bare.url}/api/v1/scan`, headers);
  await load(`${runner.url}/api/v1/scan`, headers);
  const b = summary(await load(`${bare.url}/api/v1/scan`, headers));
  const r = summary(await load(`${runner.url}/api/v1/scan`, headers));
  const uncached = summary(await load(`${runner.url}/api/v1/scan`, headers, everyPage()));
  const memory = memoryMb(runner.pid);

  const ratio = r.rps / b.rps;
  const row = (name, x) => `${name.padEnd(30)} ${x.rps.toFixed(0).padStart(7)} req/s   p50 ${String(x.p50).padStart(3)} ms   p99 ${String(x.p99).padStart(3)} ms   errors ${x.errors}`;
  console.log(`autocannon: ${connections} connections, ${seconds} s each, on ${(await import('node:os')).cpus().length} cores shared with the load generator`);
  console.log(row('bare express, same JSON', b));
  console.log(row('runner GET /api/v1/scan', r));
  console.log(row('runner, pages 1-600 in turn', uncached));
  console.log(`ratio runner / bare:               ${(ratio * 100).toFixed(0)} %   (goal ≥ 50 %: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
  console.log(`runner p99:                        ${r.p99} ms   (goal ≤ 20 ms: ${r.p99 <= 20 ? 'met' : 'NOT met'})`);
  console.log(`runner peak RSS:                   ${memory.peak.toFixed(0)} MB`);
  if (r.errors > 0 || b.errors > 0) console.log('(some requests failed: see the errors column)');
} finally {
  bare?.stop();
  await runner?.stop();
  rmSync(dir, { recursive: true, force: true });
}
