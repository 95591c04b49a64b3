// Crawl throughput against its bare limit. Serves a 500-page site (bench/lib/site-500.mjs, own process),
// then in two fresh processes: (1) the scanner's DEEP collection with a 500-page budget, (2) the bare limit:
// undici GET + cheerio parse of the same 500 pages, 4 at a time — the scanner's per-target limit. Prints
// pages/s for both, their ratio and each process's peak RSS. Goals (issue): ≥ 70 % of the bare rate, RSS ≤ 300 MB.
//
//   node bench/crawl.mjs
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const PAGES = 500;
const CONCURRENCY = 4;
const self = fileURLToPath(import.meta.url);

async function runScanner(origin) {
  const { importTs } = await import('./lib/import-ts.mjs');
  const { collect } = await importTs('runner/src/scanner/collect/index.ts');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const artifacts = await collect(origin, { depth: 'DEEP', maxPages: PAGES, crawlTimeoutMs: 300_000, allowPrivateTargets: true, concurrency: CONCURRENCY });
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    // CPU time is steadier than wall time on a shared machine; for the scanner it covers the whole DEEP
    // collection (QUICK part and probes included), so it is an upper bound of the crawl's own.
    cpuMs: (used.user + used.system) / 1000,
    // The crawl's clock starts once the target page is in (collect fetched it with TLS, robots.txt and the
    // rest of QUICK), so the target is not counted in its rate.
    pages: artifacts.crawl.pagesScanned - 1,
    pagesScanned: artifacts.crawl.pagesScanned,
    ms: artifacts.crawl.durationMs,
    totalMs,
    stoppedBy: artifacts.crawl.stoppedBy,
    probes: (artifacts.exposures?.length ?? 0) + (artifacts.activeProbes?.length ?? 0) + (artifacts.notFoundBaseline?.length ?? 0),
  };
}

async function runBare(origin) {
  const { Agent } = await import('undici');
  const { load } = await import('cheerio');
  const agent = new Agent({ connections: CONCURRENCY });
  const paths = Array.from({ length: PAGES }, (_, n) => (n === 0 ? '/' : `/p/${n}`));
  let next = 0;
  let parsed = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const res = await agent.request({ origin, path, method: 'GET' });
        const $ = load(await res.body.text());
        if ($('title').text() !== '') parsed++;
      }
    }),
  );
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await agent.close();
  return { pages: parsed, ms, cpuMs: (used.user + used.system) / 1000 };
}

async function child(mode, origin) {
  const result = mode === 'scanner' ? await runScanner(origin) : await runBare(origin);
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ ...result, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function measure(mode, origin) {
  return JSON.parse(execFileSync(process.execPath, [self, mode, origin], { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

/** Rounds alternate between the two so that neither gets a warmer server; the median round counts. */
const ROUNDS = 3;

function median(results, rate) {
  return [...results].sort((a, b) => rate(a) - rate(b))[Math.floor(results.length / 2)];
}

async function main() {
  const server = spawn(process.execPath, [fileURLToPath(new URL('./lib/site-500.mjs', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const origin = await new Promise((resolve, reject) => {
    server.stdout.once('data', (d) => resolve(String(d).trim()));
    server.once('exit', (code) => reject(new Error(`fixture site exited with ${code}`)));
  });
  try {
    measure('bare', origin); // warms the fixture server up
    const bares = [];
    const scanners = [];
    for (let i = 0; i < ROUNDS; i++) {
      bares.push(measure('bare', origin));
      scanners.push(measure('scanner', origin));
    }
    const rate = (r) => r.pages / (r.ms / 1000);
    const bare = median(bares, rate);
    const scanner = median(scanners, rate);
    const ratio = rate(scanner) / rate(bare);
    const fmt = (n) => n.toFixed(1);
    console.log(`fixture: ${PAGES} pages of ~8 KB, concurrency ${CONCURRENCY}, Node ${process.version}; median of ${ROUNDS} rounds`);
    console.log(`bare limit (undici GET + cheerio): ${bare.pages} pages in ${fmt(bare.ms)} ms = ${fmt(rate(bare))} pages/s, peak RSS ${fmt(bare.peakRssMb)} MB`);
    console.log(`scanner crawl (DEEP, 500-page budget): ${scanner.pagesScanned} pages scanned; ${scanner.pages} crawled in ${fmt(scanner.ms)} ms = ${fmt(rate(scanner))} pages/s (stopped by: ${scanner.stoppedBy}), peak RSS ${fmt(scanner.peakRssMb)} MB`);
    console.log(`scanner whole DEEP collection: ${fmt(scanner.totalMs)} ms including ${scanner.probes} probe requests after the crawl`);
    console.log(`ratio: ${fmt(ratio * 100)} % of the bare rate (goal ≥ 70 %); RSS goal ≤ 300 MB: ${scanner.peakRssMb <= 300 ? 'met' : 'missed'}`);
    const cpuPerPage = (r) => (r.cpuMs / r.pages).toFixed(2);
    console.log(`CPU per page (median round): bare ${cpuPerPage(bare)} ms; scanner ${cpuPerPage(scanner)} ms (whole DEEP collection)`);
    console.log(`all rounds, pages/s: bare ${bares.map((r) => fmt(rate(r))).join(', ')}; scanner ${scanners.map((r) => fmt(rate(r))).join(', ')}`);
  } finally {
    server.kill('SIGTERM');
  }
}

if (process.argv[2] === 'scanner' || process.argv[2] === 'bare') await child(process.argv[2], process.argv[3]);
else await main();
