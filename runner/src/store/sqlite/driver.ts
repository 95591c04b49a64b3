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
  close(): void;
}

/** Applied to every connection. */
export const PRAGMAS = [
  // Readers do not block the writer and the writer does not block readers.
  'PRAGMA journal_mode = WAL',
  // With WAL, NORMAL loses no committed transaction on a process crash (only on power loss).
  'PRAGMA synchronous = NORMAL',
  'PRAGMA foreign_keys = ON',
  // Wait up to 5 s for another connection's write lock instead of failing with SQLITE_BUSY at once.
  'PRAGMA busy_timeout = 5000',
];

export function assertNotPromise(value: unknown): void {
  if (value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function') {
    throw new TypeError('A transaction function must be synchronous: it returned a promise.');
  }
}
