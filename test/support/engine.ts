// Whether dist/cli.js scans with the engine: it is wired in one line of runner/src/queue/default-scan.ts.
// Tests that need real scans run only then.
import { existsSync, readFileSync } from 'node:fs';

export const ENGINE_WIRED =
  existsSync('runner/src/scanner/engine.ts') && /^(import|export)\b.*from '\.\.\/scanner\/engine\.js'/m.test(readFileSync('runner/src/queue/default-scan.ts', 'utf8'));
