// Bench scripts are plain Node scripts; Node 20 cannot run TypeScript, so they bundle the module they
// measure with esbuild (the same bundler as dist/) into a temporary file and import it.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(entry) {
  // Inside the repository, so that the bundle's bare imports resolve from node_modules.
  const cache = path.resolve('.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(path.join(cache, 'bench-'));
  const outfile = path.join(dir, 'module.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
