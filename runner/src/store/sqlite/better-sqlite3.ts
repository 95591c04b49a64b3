// The better-sqlite3 driver. Loaded with a dynamic import so that bundles (the action) can leave the
// native module out and use node:sqlite instead.
import type BetterSqlite3 from 'better-sqlite3';
import type { DriverOptions, RunResult, SqlDriver, SqlStatement, SqlValue } from './driver.js';
import { BACKUP_ALL_PAGES, assertNotPromise, connectionPragmas } from './driver.js';

export async function openBetterSqlite3(file: string, options: DriverOptions = {}): Promise<SqlDriver> {
  const { default: Database } = (await import('better-sqlite3')) as { default: typeof BetterSqlite3 };
  const db = new Database(file);
  for (const pragma of connectionPragmas(options)) db.exec(pragma);
  const cache = new Map<string, SqlStatement>();

  const prepare = (sql: string): SqlStatement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      const raw = db.prepare(sql);
      const reader = raw.reader;
      statement = {
        run: (params = []) => ({ changes: raw.run(...params).changes }),
        get: <T>(params: readonly SqlValue[] = []) => (reader ? (raw.get(...params) as T | undefined) : (raw.run(...params), undefined)),
        all: <T>(params: readonly SqlValue[] = []) => raw.all(...params) as T[],
      };
      cache.set(sql, statement);
    }
    return statement;
  };

  return {
    name: 'better-sqlite3',
    exec: (sql) => void db.exec(sql),
    prepare,
    run: (sql, params): RunResult => prepare(sql).run(params),
    get: <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).get<T>(params),
    all: <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).all<T>(params),
    transaction: <T>(fn: () => T): T =>
      db
        .transaction(() => {
          const value = fn();
          assertNotPromise(value);
          return value;
        })
        .immediate(),
    backup: async (file) => (await db.backup(file, { progress: () => BACKUP_ALL_PAGES })).totalPages,
    close: () => {
      cache.clear();
      db.close();
    },
  };
}
