// SQLite's "cannot write now" result codes turned into StoreUnavailableError, for both drivers:
// better-sqlite3 names the (extended) code in `code` ("SQLITE_BUSY", "SQLITE_IOERR_WRITE"); node:sqlite
// puts the extended code number in `errcode` (primary code = low 8 bits, https://sqlite.org/rescode.html).
import type { StoreFaultKind } from '../errors.js';
import { StoreUnavailableError } from '../errors.js';
import type { SqlDriver, SqlStatement } from './driver.js';

const BY_NAME: Record<string, StoreFaultKind> = {
  SQLITE_BUSY: 'busy',
  // Another connection of the same process holds a table lock: the same remedy as BUSY.
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'readonly',
  SQLITE_IOERR: 'io',
};
const BY_NUMBER: Record<number, StoreFaultKind> = { 5: 'busy', 6: 'busy', 13: 'full', 8: 'readonly', 10: 'io' };

/** The fault `error` stands for, or undefined for any other error (a bug, a constraint). */
export function storeFault(error: unknown): StoreUnavailableError | undefined {
  if (error instanceof StoreUnavailableError) return error;
  if (error === null || typeof error !== 'object') return undefined;
  const { code, errcode, message } = error as { code?: unknown; errcode?: unknown; message?: unknown };
  let kind: StoreFaultKind | undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) kind = BY_NAME[code.split('_').slice(0, 2).join('_')];
  if (kind === undefined && typeof errcode === 'number') kind = BY_NUMBER[errcode & 0xff];
  return kind === undefined ? undefined : new StoreUnavailableError(kind, typeof message === 'string' ? message : String(code ?? errcode));
}

function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return fn(...args);
    } catch (error) {
      throw storeFault(error) ?? error;
    }
  };
}

const guardStatement = (s: SqlStatement): SqlStatement => ({ run: guard(s.run), get: guard(s.get), all: guard(s.all) }) as SqlStatement;

/** The same driver, throwing StoreUnavailableError for the faults above. */
export function withFaults(driver: SqlDriver): SqlDriver {
  return {
    name: driver.name,
    exec: guard(driver.exec),
    prepare: (sql) => guardStatement(guard(driver.prepare)(sql)),
    run: guard(driver.run),
    get: guard(driver.get) as SqlDriver['get'],
    all: guard(driver.all) as SqlDriver['all'],
    transaction: guard(driver.transaction) as SqlDriver['transaction'],
    backup: async (file) => {
      try {
        return await driver.backup(file);
      } catch (error) {
        throw storeFault(error) ?? error;
      }
    },
    close: driver.close,
  };
}
