// QUICK scan of a local fixture site versus bare undici GETs of the same URLs, in one run.
// Usage: npm run build >/dev/null; node bench/scan-quick.mjs [rounds=20]
// Prints the median time of each and their ratio (the scan's overhead over the network work it needs:
// redirects, TLS probes, parsing and the checks).
import { request } from 'undici';
import { importTs } from './lib/import-ts.mjs';

const rounds = Number(process.argv[2] ?? 20);
const { scan } = await importTs('runner/src/scanner/engine.ts');
const { startHardenedSite } = await importTs('test/fixtures/sites.ts');
const { testCerts } = await importTs('test/support/certs.ts');

const certs = await testCerts();
const site = await startHardenedSite(certs.valid);
const options = { depth: 'QUICK', allowPrivateTargets: true, ca: [certs.ca.cert], httpUrl: site.http.url };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rss = () => process.memoryUsage().rss;

try {
  // Warm up both paths (JIT, TLS session setup) and learn which URLs a scan requests.
  await scan(site.https.url, options);
  site.https.requests.length = 0;
  site.http.requests.length = 0;
  await scan(site.https.url, options);
  const urls = [
    ...site.https.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.url, site.https.url).href),
    ...site.http.requests.filter((r) => r.method === 'GET').map((r) => new URL(r.url, site.http.url).href),
  ];

  const { Agent } = await import('undici');
  const bareOnce = async () => {
    const dispatcher = new Agent({ connect: { ca: certs.ca.cert }, connections: 4 });
    const t = performance.now();
    // Four at a time, like the scanner's per-target limit.
    for (let i = 0; i < urls.length; i += 4) {
      await Promise.all(urls.slice(i, i + 4).map(async (u) => (await request(u, { dispatcher })).body.arrayBuffer()));
    }
    const ms = performance.now() - t;
    await dispatcher.close();
    return ms;
  };

  const scanTimes = [];
  const bareTimes = [];
  let peak = rss();
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await scan(site.https.url, options);
    scanTimes.push(performance.now() - t);
    peak = Math.max(peak, rss());
    bareTimes.push(await bareOnce());
    peak = Math.max(peak, rss());
  }
  const s = median(scanTimes);
  const b = median(bareTimes);
  console.log(`requests per scan:          ${urls.length} HTTP GETs (+ TLS probes)`);
  console.log(`QUICK scan, median of ${rounds}:   ${s.toFixed(1)} ms`);
  console.log(`bare undici GETs, median:   ${b.toFixed(1)} ms`);
  console.log(`ratio scan / bare:          ${(s / b).toFixed(2)}×`);
  console.log(`peak RSS:                   ${(peak / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await site.close();
}
