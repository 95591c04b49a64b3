// A mark that changes whenever the database may have changed, so that a read can be reused while it
// stays the same: this connection's writes are counted as they are made, and SQLite's data_version
// (https://sqlite.org/pragma.html#pragma_data_version) changes when another connection commits (another
// runner process, `keys create`).
import type { SqlDriver, SqlStatement, SqlValue } from './driver.js';

/** Statements that only read. Anything else counts as a write, whatever it turns out to do. */
const READ_ONLY = /^\s*(SELECT\b|EXPLAIN\b|PRAGMA\s+\w+\s*;?\s*$)/i;

export interface TrackedDriver {
  driver: SqlDriver;
  mark(): string;
}

export function trackChanges(inner: SqlDriver): TrackedDriver {
  let writes = 0;
  const known = new Map<string, boolean>();
  const reads = (sql: string): boolean => {
    let answer = known.get(sql);
    if (answer === undefined) known.set(sql, (answer = READ_ONLY.test(sql)));
    return answer;
  };
  // Counted before it runs: the statement runs synchronously right after, so no read sees the old mark
  // with the new data.
  const counted =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      writes += 1;
      return fn(...args);
    };
  const statement = (s: SqlStatement): SqlStatement => ({ run: counted(s.run), get: counted(s.get), all: counted(s.all) }) as SqlStatement;
  const dataVersion = inner.prepare('PRAGMA data_version');
  // Read once per turn of the event loop (each read is a read transaction, about as dear as the answer it
  // saves): a commit by another process is seen from the next turn on, this connection's writes at once.
  let version: number | undefined;
  const readVersion = (): number => {
    if (version === undefined) {
      version = dataVersion.get<{ data_version: number }>()?.data_version ?? 0;
      setImmediate(() => {
        version = undefined;
      });
    }
    return version;
  };
  return {
    driver: {
      ...inner,
      exec: counted(inner.exec),
      prepare: (sql) => (reads(sql) ? inner.prepare(sql) : statement(inner.prepare(sql))),
      run: counted(inner.run),
      get: <T>(sql: string, params?: readonly SqlValue[]): T | undefined => {
        if (!reads(sql)) writes += 1;
        return inner.get<T>(sql, params);
      },
      all: <T>(sql: string, params?: readonly SqlValue[]): T[] => {
        if (!reads(sql)) writes += 1;
        return inner.all<T>(sql, params);
      },
      transaction: counted(inner.transaction) as SqlDriver['transaction'],
    },
    mark: () => `${writes}:${readVersion()}`,
  };
}
