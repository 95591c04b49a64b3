// Fails when dist/ differs from a fresh build of the sources: dist/ is committed and must never be stale.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const fresh = mkdtempSync(path.join(tmpdir(), 'issafesite-dist-'));
try {
  execFileSync(process.execPath, ['.ci/build.mjs', fresh], { stdio: 'inherit' });
  const stale = [];
  for (const name of readdirSync(fresh)) {
    const committed = path.join('dist', name);
    if (!existsSync(committed) || !readFileSync(committed).equals(readFileSync(path.join(fresh, name)))) stale.push(committed);
  }
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(', ')}): run \`npm run build\` and commit dist/ with the source change.`);
    process.exit(1);
  }
  console.log('dist/ matches the sources.');
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
