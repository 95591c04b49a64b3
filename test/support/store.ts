// A real SQLite file per test, in its own temporary folder. The driver is better-sqlite3 unless
// ISSAFESITE_TEST_SQLITE_DRIVER says otherwise (the Node 24 run of the store tests sets node:sqlite).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DriverChoice, SqliteStore } from '../../runner/src/store/sqlite/index.js';
import { openSqliteStore } from '../../runner/src/store/sqlite/index.js';

export const TEST_DRIVER = (process.env.ISSAFESITE_TEST_SQLITE_DRIVER ?? 'better-sqlite3') as DriverChoice;

export interface TempStore {
  store: SqliteStore;
  dir: string;
  file: string;
  cleanup(): Promise<void>;
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'issafesite-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempStore(driver: DriverChoice = TEST_DRIVER): Promise<TempStore> {
  const { dir, remove } = tempDir();
  const file = path.join(dir, 'db', 'issafesite.db');
  const store = await openSqliteStore(file, driver);
  return {
    store,
    dir,
    file,
    async cleanup() {
      await store.close().catch(() => undefined);
      remove();
    },
  };
}
