import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runner/src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({}, {})).toEqual({
      db: './data/issafesite.db',
      port: 8080,
      host: '127.0.0.1',
      concurrency: 4,
      allowPrivateTargets: false,
      bootstrapKey: undefined,
      sqliteDriver: 'auto',
      leaseMs: 30_000,
      heartbeatMs: 10_000,
      shutdownGraceMs: 8_000,
      maxAttempts: 3,
      retryBaseMs: 5_000,
      pollMs: 1_000,
      busyTimeoutMs: 1_000,
      scanTimeoutMs: undefined,
      requestTimeoutMs: 30_000,
      maxBodyBytes: 5 * 1024 * 1024,
      standardMaxPages: 25,
      standardCrawlTimeoutMs: 60_000,
      deepMaxPages: 200,
      deepCrawlTimeoutMs: 300_000,
      rateLimits: true,
      logLevel: 'info',
    });
  });

  it('reads the environment, and a flag wins over it', () => {
    const env = { PORT: '9000', RUNNER_DB: '/tmp/x.db', RUNNER_CONCURRENCY: '2', RUNNER_ALLOW_PRIVATE_TARGETS: 'TRUE' };
    expect(loadConfig(env, {})).toMatchObject({ port: 9000, db: '/tmp/x.db', concurrency: 2, allowPrivateTargets: true });
    expect(loadConfig(env, { port: '0', db: 'other.db' })).toMatchObject({ port: 0, db: 'other.db' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RUNNER_BOOTSTRAP_KEY: '' }, {})).toMatchObject({ port: 8080, bootstrapKey: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, {}, 'PORT must be a whole number from 0 to 65535 (got "abc").'],
    [{}, { port: '70000' }, '--port must be a whole number from 0 to 65535 (got "70000").'],
    [{ RUNNER_CONCURRENCY: '0' }, {}, 'RUNNER_CONCURRENCY must be a whole number from 1 to 64 (got "0").'],
    [{ RUNNER_ALLOW_PRIVATE_TARGETS: 'maybe' }, {}, 'RUNNER_ALLOW_PRIVATE_TARGETS must be true or false (got "maybe").'],
    [{ RUNNER_SQLITE_DRIVER: 'pg' }, {}, 'RUNNER_SQLITE_DRIVER must be auto, better-sqlite3 or node:sqlite (got "pg").'],
    [{ RUNNER_LEASE_MS: '1.5' }, {}, 'RUNNER_LEASE_MS must be a whole number of milliseconds from 1000 to 3600000 (got "1.5").'],
    [{ RUNNER_SCAN_TIMEOUT_MS: '5s' }, {}, 'RUNNER_SCAN_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 3600000 (got "5s").'],
    [{ RUNNER_MAX_BODY_BYTES: '10' }, {}, 'RUNNER_MAX_BODY_BYTES must be a whole number of bytes from 65536 to 104857600 (got "10").'],
    [{ RUNNER_RATE_LIMITS: 'off' }, {}, 'RUNNER_RATE_LIMITS must be true or false (got "off").'],
    [{ RUNNER_SQLITE_BUSY_TIMEOUT_MS: '-1' }, {}, 'RUNNER_SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds from 0 to 60000 (got "-1").'],
  ])('stops on a bad value with a sentence naming it (%j %j)', (env, flags, message) => {
    expect(() => loadConfig(env, flags)).toThrow(new ConfigError(message));
  });

  it('refuses a short bootstrap key without printing it', () => {
    expect(() => loadConfig({ RUNNER_BOOTSTRAP_KEY: 'secret-but-short' }, {})).toThrow(/^RUNNER_BOOTSTRAP_KEY must be 32 to 256 letters, digits or .* \(got 16 characters\)\.$/);
    expect(loadConfig({ RUNNER_BOOTSTRAP_KEY: 'k'.repeat(32) }, {}).bootstrapKey).toBe('k'.repeat(32));
  });

  it('refuses a heartbeat too slow for the lease', () => {
    expect(() => loadConfig({ RUNNER_LEASE_MS: '10000', RUNNER_HEARTBEAT_MS: '6000' }, {})).toThrow(/RUNNER_HEARTBEAT_MS \(6000\) must be at most half of RUNNER_LEASE_MS \(10000\)/);
  });
});
