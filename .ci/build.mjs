// Bundles the command line (dist/cli.js) and, once it exists, the action (dist/index.js) with esbuild.
// Usage: node .ci/build.mjs [outdir]   (check-dist builds into a temporary folder and compares)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { BUNDLE_OPTIONS } from './bundle-options.mjs';

const outdir = process.argv[2] ?? 'dist';
const entries = [
  { in: 'runner/src/cli.ts', out: 'cli' },
  { in: 'src/index.ts', out: 'index' },
].filter((e) => existsSync(e.in));

await build({ ...BUNDLE_OPTIONS, entryPoints: entries, outdir });
