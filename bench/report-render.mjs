// Time to render the PDF report of a scan with 300 findings (goal: at most 1 s).
// Usage: node bench/report-render.mjs [--runs N] [--write DIR]
// The TypeScript sources are bundled on the fly with esbuild (the same loaders as .ci/build.mjs) into
// .cache/bench/, where node_modules resolves; --write also saves the 0-, 5- and 300-finding reports.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, write: { type: 'string' } } });
const runs = Math.max(1, Number(values.runs));

const outfile = path.join(root, '.cache/bench/report-render.mjs');
await build({
  stdin: {
    contents: [
      "export { renderReport } from './runner/src/report/index.ts';",
      "export { scanResult, findings } from './test/support/scan-result.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  loader: { '.ttf': 'binary' },
  // Resolved from node_modules at run time, so pdfkit's private '#standard-fonts' import needs no rewrite.
  external: ['pdfkit'],
  logLevel: 'warning',
});
const { renderReport, scanResult, findings } = await import(pathToFileURL(outfile).href);

const createdAt = new Date('2025-11-29T19:00:00Z');
const result = scanResult({ findings: findings(300), pages: Array.from({ length: 25 }, (_, i) => `https://example.com/page-${i}`) });

const t0 = performance.now();
const first = await renderReport(result, { createdAt });
const cold = performance.now() - t0;
const times = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await renderReport(result, { createdAt });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

console.log(`report-render: 300 findings → ${pages} pages, ${(first.length / 1024).toFixed(0)} KiB`);
console.log(`report-render: first render ${cold.toFixed(0)} ms, median of ${runs} ${median.toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}); goal ≤ 1000 ms`);

if (values.write) {
  mkdirSync(values.write, { recursive: true });
  for (const n of [0, 5, 300]) {
    const pdf = n === 300 ? first : await renderReport(scanResult(n === 5 ? {} : { findings: findings(n) }), { createdAt });
    writeFileSync(path.join(values.write, `report-${n}.pdf`), pdf);
  }
  console.log(`report-render: wrote report-0.pdf, report-5.pdf, report-300.pdf to ${values.write}`);
}
