// Runs the bundled command line (dist/cli.js, rebuilt by `npm run build`) as a child process.
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('dist/cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A clean environment: none of the runner's variables leak in from the machine running the tests. */
export function runnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('RUNNER_') && name !== 'PORT' && !name.startsWith('VITEST') && value !== undefined) env[name] = value;
  }
  return { ...env, RUNNER_LOG_LEVEL: 'warn', ...extra };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = runnerEnv()): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  /** Where the API answers, read from the banner. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Starts `node <script> serve …` and resolves once its banner says where it listens. */
export function startServe(script: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 15_000, node = process.execPath): Promise<ServeProcess> {
  const child = spawn(node, [script, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not start in ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/[^\s]+) /.exec(out)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ child, url, stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${out}\n${err}`));
    });
  });
}
