// The node:sqlite driver (DatabaseSync, built into Node ≥ 22.5): the runner inside the action on Node 24
// uses it, since a native addon committed in dist/ would be tied to one ABI, OS and libc.
import type * as NodeSqlite from 'node:sqlite';
import type { DriverOptions, RunResult, SqlDriver, SqlStatement, SqlValue } from './driver.js';
import { BACKUP_ALL_PAGES, assertNotPromise, connectionPragmas } from './driver.js';

export async function openNodeSqlite(file: string, options: DriverOptions = {}): Promise<SqlDriver> {
  let mod: typeof NodeSqlite;
  try {
    mod = await import('node:sqlite');
  } catch {
    throw new Error(`node:sqlite is not available in Node ${process.versions.node}; it needs Node 22.5 or later.`);
  }
  const db = new mod.DatabaseSync(file);
  for (const pragma of connectionPragmas(options)) db.exec(pragma);
  const cache = new Map<string, SqlStatement>();
  let depth = 0;

  const prepare = (sql: string): SqlStatement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      const raw = db.prepare(sql);
      statement = {
        run: (params = []) => ({ changes: Number(raw.run(...params).changes) }),
        get: <T>(params: readonly SqlValue[] = []) => raw.get(...params) as T | undefined,
        all: <T>(params: readonly SqlValue[] = []) => raw.all(...params) as T[],
      };
      cache.set(sql, statement);
    }
    return statement;
  };

  // DatabaseSync has no transaction helper: BEGIN IMMEDIATE at the outermost level, savepoints inside,
  // as better-sqlite3's .transaction().immediate() does.
  const transaction = <T>(fn: () => T): T => {
    const outermost = depth === 0;
    const savepoint = `sp${depth}`;
    db.exec(outermost ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    depth += 1;
    let value: T;
    try {
      value = fn();
      assertNotPromise(value);
      db.exec(outermost ? 'COMMIT' : `RELEASE ${savepoint}`);
    } catch (error) {
      try {
        db.exec(outermost ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      } catch {
        // SQLite already rolled the transaction back (it does so by itself after some errors).
      }
      throw error;
    } finally {
      depth -= 1;
    }
    return value;
  };

  return {
    name: 'node:sqlite',
    exec: (sql) => db.exec(sql),
    prepare,
    run: (sql, params): RunResult => prepare(sql).run(params),
    get: <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).get<T>(params),
    all: <T>(sql: string, params?: readonly SqlValue[]) => prepare(sql).all<T>(params),
    transaction,
    backup: async (file) => {
      // sqlite.backup() arrived in Node 22.16 / 23.8; before it, VACUUM INTO writes the same snapshot.
      if (typeof mod.backup === 'function') return mod.backup(db, file, { rate: BACKUP_ALL_PAGES });
      db.prepare('VACUUM INTO ?').run(file);
      return Number((db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    },
    close: () => {
      cache.clear();
      db.close();
    },
  };
}
