// The runner's configuration, read once from the environment and the command line's flags (a flag wins)
// and validated here: a bad value stops the process with a sentence naming the variable or flag.
import { z } from 'zod';
import { DEPTH_BUDGETS } from './scanner/collect/budget.js';
import { FETCH_DEFAULTS, QUICK_SCAN_TIMEOUT_MS } from './scanner/collect/index.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

interface Setting<T> {
  env: string;
  flag?: string;
  /** What a good value looks like, completing "X must be …". */
  expect: string;
  schema: z.ZodType<T>;
  fallback: T;
  /** What it does, one sentence for docs/self-hosting.md (rendered by config-doc.ts). */
  doc: string;
  /** The default as the docs show it (a phrase, not code), when `fallback` alone does not say it. */
  shownDefault?: string;
}

const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((s) => s === 'true' || s === '1' || s === 'yes');

const SETTINGS = {
  port: {
    env: 'PORT',
    flag: '--port',
    expect: 'a whole number from 0 to 65535',
    schema: wholeNumber(0, 65535),
    fallback: 8080,
    doc: 'The port the API listens on; 0 picks a free one.',
  },
  // Loopback by default: a runner on a laptop should not be reachable from the network; Docker sets 0.0.0.0.
  host: {
    env: 'RUNNER_HOST',
    flag: '--host',
    expect: 'an address to listen on, such as 127.0.0.1 or 0.0.0.0',
    schema: z.string().trim().min(1),
    fallback: '127.0.0.1',
    doc: 'The address to listen on: `0.0.0.0` to be reachable from other machines (the Docker image sets it).',
  },
  db: {
    env: 'RUNNER_DB',
    flag: '--db',
    expect: 'a file path',
    schema: z.string().trim().min(1),
    fallback: './data/issafesite.db',
    doc: 'The SQLite file (WAL mode; the `-wal` and `-shm` files beside it belong to it). Its folder is created.',
  },
  concurrency: {
    env: 'RUNNER_CONCURRENCY',
    flag: '--concurrency',
    expect: 'a whole number from 1 to 64',
    schema: wholeNumber(1, 64),
    fallback: 4,
    doc: 'Scans run at once by this process.',
  },
  allowPrivateTargets: {
    env: 'RUNNER_ALLOW_PRIVATE_TARGETS',
    expect: 'true or false',
    schema: bool,
    fallback: false,
    doc: '`true` lets scans reach localhost, private networks and cloud metadata addresses; leave it off on a shared runner.',
  },
  bootstrapKey: {
    env: 'RUNNER_BOOTSTRAP_KEY',
    // The first 12 characters are shown by `keys list`; 32 or more leave at least 20 secret ones.
    expect: '32 to 256 letters, digits or -._~+/ (for example the output of `openssl rand -hex 32`)',
    // The characters a bearer token may hold (RFC 6750), so the key can be sent as one.
    schema: z.string().regex(/^[A-Za-z0-9\-._~+/]{32,256}$/).optional(),
    fallback: undefined,
    shownDefault: 'none',
    doc: 'Seeds this value as an ENTERPRISE key of account `bootstrap` at start (for Docker and CI); a new value revokes the previous one. 32+ characters, e.g. `openssl rand -hex 32`.',
  },
  sqliteDriver: {
    env: 'RUNNER_SQLITE_DRIVER',
    expect: 'auto, better-sqlite3 or node:sqlite',
    schema: z.enum(['auto', 'better-sqlite3', 'node:sqlite']),
    fallback: 'auto' as const,
    doc: '`auto` uses better-sqlite3 and falls back to the built-in `node:sqlite` (Node ≥ 22.5) where the native module cannot load.',
  },
  // better-sqlite3 waits for a lock synchronously, so the whole process stands still meanwhile: one second
  // covers the short writes of `keys create` from another process without freezing reads for long.
  busyTimeoutMs: {
    env: 'RUNNER_SQLITE_BUSY_TIMEOUT_MS',
    expect: 'a whole number of milliseconds from 0 to 60000',
    schema: wholeNumber(0, 60_000),
    fallback: 1_000,
    doc: 'How long a write waits for another process holding the database lock before the request fails with 503. The process waits synchronously: keep it short.',
  },
  leaseMs: {
    env: 'RUNNER_LEASE_MS',
    expect: 'a whole number of milliseconds from 1000 to 3600000',
    schema: wholeNumber(1000, 3_600_000),
    fallback: 30_000,
    doc: 'A running scan belongs to its process for this long after each heartbeat; when a runner dies, its scans run again once their lease expires.',
  },
  heartbeatMs: {
    env: 'RUNNER_HEARTBEAT_MS',
    expect: 'a whole number of milliseconds from 100 to 600000',
    schema: wholeNumber(100, 600_000),
    fallback: 10_000,
    doc: 'How often running scans renew their lease and expired leases are reaped; at most half of `RUNNER_LEASE_MS`.',
  },
  // Docker's `stop` sends SIGKILL 10 s after SIGTERM: finish within that by default.
  shutdownGraceMs: {
    env: 'RUNNER_SHUTDOWN_GRACE_MS',
    expect: 'a whole number of milliseconds from 0 to 3600000',
    schema: wholeNumber(0, 3_600_000),
    fallback: 8_000,
    doc: 'On SIGTERM or SIGINT, how long running scans may finish before they go back to the queue (Docker kills 10 s after SIGTERM).',
  },
  maxAttempts: {
    env: 'RUNNER_MAX_ATTEMPTS',
    expect: 'a whole number from 1 to 20',
    schema: wholeNumber(1, 20),
    fallback: 3,
    doc: 'Attempts before a scan interrupted by crashes or internal errors is FAILED with the reason.',
  },
  retryBaseMs: {
    env: 'RUNNER_RETRY_BASE_MS',
    expect: 'a whole number of milliseconds from 0 to 3600000',
    schema: wholeNumber(0, 3_600_000),
    fallback: 5_000,
    doc: 'The first retry waits this long, each next one twice as long.',
  },
  pollMs: {
    env: 'RUNNER_POLL_MS',
    expect: 'a whole number of milliseconds from 10 to 60000',
    schema: wholeNumber(10, 60_000),
    fallback: 1_000,
    doc: 'How often an idle worker looks for due scans (a new scan wakes it at once).',
  },
  scanTimeoutMs: {
    env: 'RUNNER_SCAN_TIMEOUT_MS',
    expect: 'a whole number of milliseconds from 1000 to 3600000',
    schema: wholeNumber(1000, 3_600_000).optional(),
    fallback: undefined,
    shownDefault: `the depth's own (QUICK ${QUICK_SCAN_TIMEOUT_MS / 1000} s)`,
    doc: 'The whole budget of one scan, whatever its depth; a scan past it is FAILED with a timeout.',
  },
  standardMaxPages: {
    env: 'RUNNER_STANDARD_MAX_PAGES',
    expect: 'a whole number from 1 to 10000',
    schema: wholeNumber(1, 10_000),
    fallback: DEPTH_BUDGETS.STANDARD.maxPages,
    doc: 'How many pages a STANDARD scan crawls at most; the result says when this budget stopped the crawl.',
  },
  standardCrawlTimeoutMs: {
    env: 'RUNNER_STANDARD_CRAWL_TIMEOUT_MS',
    expect: 'a whole number of milliseconds from 1000 to 3600000',
    schema: wholeNumber(1000, 3_600_000),
    fallback: DEPTH_BUDGETS.STANDARD.crawlTimeoutMs,
    doc: 'How long a STANDARD scan may crawl before it judges what it found.',
  },
  deepMaxPages: {
    env: 'RUNNER_DEEP_MAX_PAGES',
    expect: 'a whole number from 1 to 10000',
    schema: wholeNumber(1, 10_000),
    fallback: DEPTH_BUDGETS.DEEP.maxPages,
    doc: 'How many pages a DEEP scan crawls at most.',
  },
  deepCrawlTimeoutMs: {
    env: 'RUNNER_DEEP_CRAWL_TIMEOUT_MS',
    expect: 'a whole number of milliseconds from 1000 to 3600000',
    schema: wholeNumber(1000, 3_600_000),
    fallback: DEPTH_BUDGETS.DEEP.crawlTimeoutMs,
    doc: 'How long a DEEP scan may crawl before the active probes and the judging.',
  },
  requestTimeoutMs: {
    env: 'RUNNER_REQUEST_TIMEOUT_MS',
    expect: 'a whole number of milliseconds from 1000 to 600000',
    schema: wholeNumber(1000, 600_000),
    fallback: FETCH_DEFAULTS.requestTimeoutMs,
    doc: 'The deadline of each request a scan makes to the target, redirects included (a server dripping bytes is cut there).',
  },
  maxBodyBytes: {
    env: 'RUNNER_MAX_BODY_BYTES',
    expect: 'a whole number of bytes from 65536 to 104857600',
    schema: wholeNumber(65_536, 100 * 1024 * 1024),
    fallback: FETCH_DEFAULTS.maxBodyBytes,
    doc: 'The most a scan reads of one page; the rest is not downloaded.',
  },
  rateLimits: {
    env: 'RUNNER_RATE_LIMITS',
    expect: 'true or false',
    schema: bool,
    fallback: true,
    doc: '`false` lifts the per-minute request limits of every plan. For benchmarks only (`bench/api-list.mjs`); monthly scan quotas still hold.',
  },
  logLevel: {
    env: 'RUNNER_LOG_LEVEL',
    expect: 'fatal, error, warn, info, debug, trace or silent',
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    fallback: 'info' as const,
    doc: 'JSON lines on stdout: `info` logs every request and scan, `warn` only problems.',
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;

/** One setting as docs/self-hosting.md lists it. */
export interface SettingDoc {
  env: string;
  flag?: string;
  /** Markdown: the value in code, or a phrase. */
  default: string;
  doc: string;
}

export const SETTING_DOCS: readonly SettingDoc[] = Object.values(SETTINGS as Record<string, Setting<unknown>>).map((s) => ({
  env: s.env,
  ...(s.flag === undefined ? {} : { flag: s.flag }),
  default: s.shownDefault ?? `\`${String(s.fallback)}\``,
  doc: s.doc,
}));
export type RunnerConfig = { [K in keyof Settings]: Settings[K]['fallback'] | z.output<Settings[K]['schema']> };
export type ConfigFlag = { [K in keyof Settings]: Settings[K] extends { flag: string } ? K : never }[keyof Settings];

/** The flags `serve` and `keys` accept, as parseArgs options. */
export const CONFIG_FLAGS = Object.fromEntries(
  Object.values(SETTINGS)
    .filter((s): s is (typeof s & { flag: string }) => 'flag' in s)
    .map((s) => [s.flag.slice(2), { type: 'string' as const }]),
) as Record<string, { type: 'string' }>;

function read<T>(setting: Setting<T>, env: NodeJS.ProcessEnv, flags: Record<string, string | undefined>): T {
  const flagValue = setting.flag === undefined ? undefined : flags[setting.flag.slice(2)];
  const envValue = env[setting.env];
  const [name, raw] = flagValue !== undefined ? [setting.flag ?? '', flagValue] : [setting.env, envValue];
  // An empty variable counts as unset (docker-compose writes FOO= for an unset ${FOO}).
  if (raw === undefined || (raw === '' && flagValue === undefined)) return setting.fallback;
  const parsed = setting.schema.safeParse(raw);
  if (!parsed.success) {
    const shown = setting.env === 'RUNNER_BOOTSTRAP_KEY' ? `${raw.length} characters` : `"${raw}"`;
    throw new ConfigError(`${name} must be ${setting.expect} (got ${shown}).`);
  }
  return parsed.data;
}

/** Reads and validates every setting; throws ConfigError with one sentence on the first bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: Record<string, string | undefined> = {}): RunnerConfig {
  const config = Object.fromEntries(Object.entries(SETTINGS).map(([key, setting]) => [key, read(setting as Setting<unknown>, env, flags)])) as RunnerConfig;
  if (config.heartbeatMs * 2 > config.leaseMs) {
    throw new ConfigError(
      `RUNNER_HEARTBEAT_MS (${config.heartbeatMs}) must be at most half of RUNNER_LEASE_MS (${config.leaseMs}), or a slow heartbeat lets a running scan's lease expire.`,
    );
  }
  return config;
}
