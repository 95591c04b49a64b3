// The runner as the benches run it: `node dist/cli.js serve` in a child process, its log written to a file
// (as a log shipper would read it) rather than through a pipe the bench would have to drain.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The kernel's record of a process's peak and current resident memory, in MB (Linux /proc). */
export function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

/** Starts the runner on `db` with `env` added to a clean environment; resolves once it listens. */
export async function startRunner({ db, env = {}, logFile = path.join(path.dirname(db), 'runner.log') }) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RUNNER_') && k !== 'PORT'));
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['dist/cli.js', 'serve', '--port', '0', '--db', db], { env: { ...clean, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    const url = /listening on (http:\/\/\S+) /.exec(readFileSync(logFile, 'utf8'))?.[1];
    if (url !== undefined) {
      return {
        url,
        pid: child.pid,
        log: () => readFileSync(logFile, 'utf8'),
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the runner did not start:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
