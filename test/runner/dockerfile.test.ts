// runner/Dockerfile and runner/docker-compose.yml. There is no Docker engine where the tests run, so the
// image is kept to commands the tests do run: its runtime stage is rebuilt here as a folder (the files its
// COPY lines name, the production dependencies of package-lock.json), then its CMD and HEALTHCHECK are
// run there with its ENV, exactly as the container would.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanList } from '../../src/contract/api.js';
import { loadConfig } from '../../runner/src/config.js';
import type { ServeProcess } from '../support/cli.js';
import { runnerEnv, startServe } from '../support/cli.js';
import { call, expectShape } from '../support/server.js';
import { tempDir } from '../support/store.js';

interface Instruction {
  op: string;
  args: string;
}

/** Dockerfile instructions, continuation lines joined, comments and parser directives dropped. */
function instructions(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [op = '', ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

const dockerfile = instructions(readFileSync('runner/Dockerfile', 'utf8'));
const stages = dockerfile.reduce<Instruction[][]>((all, i) => (i.op === 'FROM' ? [...all, [i]] : (all.at(-1)?.push(i), all)), []);
const runtime = stages.at(-1) ?? [];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const readme = readFileSync('README.md', 'utf8');
const selfHosting = readFileSync('docs/self-hosting.md', 'utf8');

/** The exec form ["node", "dist/cli.js", "serve"] as a command line. */
const execForm = (args: string): string => (JSON.parse(args.replace(/^CMD\s+/, '')) as string[]).join(' ');

/** ENV a=b c=d … of the runtime stage. */
function imageEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of runtime.filter((i) => i.op === 'ENV')) for (const [, k, v] of i.args.matchAll(/(\w+)=(\S+)/g)) env[k!] = v!;
  return env;
}

describe('the Docker image', () => {
  it('builds on the Node LTS image in two stages, installing production dependencies only', () => {
    expect(stages).toHaveLength(2);
    const version = dockerfile.find((i) => i.op === 'ARG' && i.args.startsWith('NODE_VERSION='))?.args.split('=')[1];
    // Even majors are the LTS lines; the engines field says which ones the runner supports.
    expect(Number(version) % 2).toBe(0);
    expect(Number(version)).toBeGreaterThanOrEqual(Number(/\d+/.exec(pkg.engines.node)?.[0]));
    expect(stages[0]?.[0]?.args).toBe('node:${NODE_VERSION}-bookworm AS deps');
    expect(runtime[0]?.args).toBe('node:${NODE_VERSION}-bookworm-slim');
    expect(stages[0]?.filter((i) => i.op === 'RUN').map((i) => i.args)).toEqual(['npm ci --omit=dev --no-audit --no-fund']);
    // The same install the docs give for bare Node.
    expect(selfHosting).toContain('npm ci --omit=dev');
    // The bundle leaves only better-sqlite3 outside (.ci/build.mjs): it must be a production dependency.
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3');
  });

  it('runs as a non-root user with the database on /data, listening on every interface of the exposed port', () => {
    const env = imageEnv();
    expect(runtime.find((i) => i.op === 'USER')?.args).toBe('node');
    expect(runtime.find((i) => i.op === 'VOLUME')?.args).toBe('["/data"]');
    expect(env.RUNNER_DB).toMatch(/^\/data\//);
    expect(env.RUNNER_HOST).toBe('0.0.0.0');
    expect(runtime.find((i) => i.op === 'EXPOSE')?.args).toBe(env.PORT);
    expect(runtime.some((i) => i.op === 'RUN' && i.args.includes('chown node:node /data'))).toBe(true);
    // Every setting the image sets is one the runner accepts.
    expect(() => loadConfig(env)).not.toThrow();
  });

  it("starts with npm start's command and checks itself with the healthcheck command", () => {
    const cmd = runtime.find((i) => i.op === 'CMD')?.args ?? '';
    expect(execForm(cmd)).toBe(pkg.scripts.start);
    expect(readme).toContain('npm start');
    const health = runtime.find((i) => i.op === 'HEALTHCHECK')?.args ?? '';
    expect(health).toMatch(/^--interval=\S+ --timeout=\S+ --start-period=\S+ --retries=\d+ CMD \[/);
    expect(execForm(health.slice(health.indexOf('CMD ')))).toBe('node dist/cli.js healthcheck');
  });

  it('copies only files that exist and that its .dockerignore lets through', () => {
    const ignore = readFileSync('runner/Dockerfile.dockerignore', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1));
    const sources = runtime
      .concat(stages[0] ?? [])
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    expect(sources.sort()).toEqual(['dist/cli.js', 'package-lock.json', 'package.json', 'package.json']);
    for (const source of sources) {
      expect(existsSync(source)).toBe(true);
      expect(ignore).toContain(source);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = readFileSync('runner/docker-compose.yml', 'utf8');
  it('builds the image, keeps the database on a named volume and takes the bootstrap key from the environment', () => {
    expect(compose).toMatch(/context: \.\.\n\s+dockerfile: runner\/Dockerfile\n/);
    expect(compose).toMatch(/volumes:\n\s+- issafesite-data:\/data\n/);
    expect(compose).toMatch(/\nvolumes:\n\s+issafesite-data:\n/);
    // Required (":?"): compose refuses to start without it rather than starting with no key.
    expect(compose).toMatch(/RUNNER_BOOTSTRAP_KEY: \$\{RUNNER_BOOTSTRAP_KEY:\?[^}$]+\}\n/);
    expect(compose).toMatch(/- "127\.0\.0\.1:8080:8080"/);
    expect(imageEnv().PORT).toBe('8080');
  });
});

describe('the image as a folder', () => {
  const KEY = 'docker-bootstrap-key-0123456789abcdef-XYZ';
  let dir: { dir: string; remove(): void };
  let app: string;
  let running: ServeProcess | undefined;

  beforeAll(() => {
    dir = tempDir();
    app = path.join(dir.dir, 'app');
    // COPY package.json, COPY dist/cli.js; node_modules: what `npm ci --omit=dev` installs (the lock's
    // non-dev packages), linked from this checkout.
    mkdirSync(path.join(app, 'dist'), { recursive: true });
    cpSync('package.json', path.join(app, 'package.json'));
    cpSync('dist/cli.js', path.join(app, 'dist', 'cli.js'));
    for (const [where, meta] of Object.entries(lock.packages)) {
      const name = where.slice('node_modules/'.length);
      if (!where.startsWith('node_modules/') || name.includes('/node_modules/') || meta.dev === true || !existsSync(where)) continue;
      mkdirSync(path.dirname(path.join(app, where)), { recursive: true });
      symlinkSync(path.resolve(where), path.join(app, where));
    }
  });
  afterAll(async () => {
    if (running !== undefined && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    dir.remove();
  });

  it('serves with the image ENV, answers its HEALTHCHECK, logs no key, and stops on SIGTERM with exit 0', async () => {
    const env = runnerEnv({ ...imageEnv(), RUNNER_DB: path.join(dir.dir, 'data', 'issafesite.db'), PORT: '0', RUNNER_BOOTSTRAP_KEY: KEY, RUNNER_LOG_LEVEL: 'trace' });
    // --preserve-symlinks: packages resolve their own dependencies inside the folder, as in the image.
    running = await startServe(path.join(app, 'dist', 'cli.js'), [], { ...env, NODE_OPTIONS: '--preserve-symlinks' });
    // The native driver loaded from the folder's own packages (Node 20 has no node:sqlite to fall back on).
    expect(running.stdout()).toContain('sqlite (better-sqlite3)');
    const port = new URL(running.url).port;
    const healthcheck = () => spawnSync(process.execPath, ['dist/cli.js', 'healthcheck'], { cwd: app, env: { ...env, PORT: port }, encoding: 'utf8' });

    expect(healthcheck().status).toBe(0);
    expectShape(await call(running.url, 'GET', '/api/v1/scan', { key: KEY }), 200, ScanList);
    await call(running.url, 'GET', `/api/v1/scan/${KEY}`, { key: KEY });
    await call(running.url, 'POST', '/api/v1/scan', { key: KEY, body: { url: KEY } });

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const output = running.stdout() + running.stderr();
    expect(output).toContain('"msg":"request"');
    expect(output).not.toContain(KEY);

    const down = healthcheck();
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/healthz did not answer: `));
  });
});
