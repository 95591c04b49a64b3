// The SQLite store: one file (WAL), migrations applied at open, better-sqlite3 or node:sqlite underneath.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../store.js';
import { accountStore } from './accounts.js';
import { openBetterSqlite3 } from './better-sqlite3.js';
import type { DriverName, DriverOptions, SqlDriver } from './driver.js';
import { trackChanges } from './change-mark.js';
import { withFaults } from './faults.js';
import { keyStore } from './keys.js';
import { migrate } from './migrations.js';
import { openNodeSqlite } from './node-sqlite.js';
import { queueStore } from './queue.js';
import { reportStore } from './reports.js';
import { scanStore } from './scans.js';

export type DriverChoice = DriverName | 'auto';

export interface SqliteStore extends Store {
  /** The driver underneath, for maintenance and tests. */
  readonly driver: SqlDriver;
}

/**
 * Opens the driver. `auto` prefers better-sqlite3 and falls back to node:sqlite where the native module
 * is not installed or not built for this Node (the bundled action on Node 24).
 */
export async function openDriver(file: string, choice: DriverChoice = 'auto', options: DriverOptions = {}): Promise<SqlDriver> {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (choice === 'better-sqlite3') return openBetterSqlite3(file, options);
  if (choice === 'node:sqlite') return openNodeSqlite(file, options);
  try {
    return await openBetterSqlite3(file, options);
  } catch (error) {
    try {
      return await openNodeSqlite(file, options);
    } catch {
      throw error;
    }
  }
}

export function createSqliteStore(driver: SqlDriver, now: number = Date.now()): SqliteStore {
  // Locked, full or read-only: the store's callers see StoreUnavailableError, whichever driver answers.
  const tracked = trackChanges(withFaults(driver));
  const db = tracked.driver;
  migrate(db, now);
  return {
    description: `sqlite (${driver.name})`,
    driver,
    changeMark: tracked.mark,
    ...accountStore(db),
    ...keyStore(db),
    ...scanStore(db),
    ...queueStore(db),
    ...reportStore(db),
    async ping() {
      db.get('SELECT 1 AS ok');
    },
    async close() {
      driver.close();
    },
  };
}

export async function openSqliteStore(file: string, choice: DriverChoice = 'auto', options: DriverOptions = {}): Promise<SqliteStore> {
  const driver = await openDriver(file, choice, options);
  try {
    return createSqliteStore(driver);
  } catch (error) {
    driver.close();
    throw error;
  }
}
