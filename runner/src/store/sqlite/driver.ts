// The small synchronous SQLite driver the store talks to, with two implementations of the same shape:
// better-sqlite3 (the self-hosted runner, any Node ≥ 20) and node:sqlite's DatabaseSync (built into
// Node ≥ 22.5; the action runs the runner in-process on Node 24, where no native addon can be shipped).
// Parameters are always bound, never spliced into SQL.

export type SqlValue = string | number | bigint | null | Uint8Array;

export interface RunResult {
  changes: number;
}

export interface SqlStatement {
  run(params?: readonly SqlValue[]): RunResult;
  get<T>(params?: readonly SqlValue[]): T | undefined;
  all<T>(params?: readonly SqlValue[]): T[];
}

export type DriverName = 'better-sqlite3' | 'node:sqlite';

export interface SqlDriver {
  readonly name: DriverName;
  /** Runs SQL without parameters (migrations, pragmas). */
  exec(sql: string): void;
  /** A prepared statement, cached per SQL text. */
  prepare(sql: string): SqlStatement;
  run(sql: string, params?: readonly SqlValue[]): RunResult;
  get<T>(sql: string, params?: readonly SqlValue[]): T | undefined;
  all<T>(sql: string, params?: readonly SqlValue[]): T[];
  /**
   * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so two writers never
   * deadlock on an upgrade); nested calls become savepoints. `fn` must be synchronous: a promise
   * would let other work interleave inside the transaction.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Copies the whole database to `file` (which must not exist) as one consistent snapshot, while other
   * connections keep reading and writing; resolves with the number of pages copied.
   */
  backup(file: string): Promise<number>;
  close(): void;
}

/**
 * Pages per step of SQLite's online backup: all of them. A write by another connection between two steps
 * restarts the copy (https://sqlite.org/backup.html), so a runner busy writing could keep a stepped backup
 * from ever finishing; one step holds one read transaction, which in WAL mode never blocks the writer.
 */
export const BACKUP_ALL_PAGES = 0x7fffffff;

/** Applied to every connection. */
export const PRAGMAS = [
  // Readers do not block the writer and the writer does not block readers.
  'PRAGMA journal_mode = WAL',
  // With WAL, NORMAL loses no committed transaction on a process crash (only on power loss).
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
];

export interface DriverOptions {
  /**
   * How long to wait for another connection's write lock before failing with SQLITE_BUSY. Both drivers
   * wait synchronously (the event loop stands still), so the server keeps it short (RUNNER_SQLITE_BUSY_TIMEOUT_MS).
   */
  busyTimeoutMs?: number;
}

/** Command-line tools (keys, backup) may wait longer for a busy runner than the runner waits for them. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export function connectionPragmas(options: DriverOptions = {}): string[] {
  return [...PRAGMAS, `PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`];
}

export function assertNotPromise(value: unknown): void {
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
    throw new TypeError('A transaction function must be synchronous: it returned a promise.');
  }
}
