// issafesite-runner backup FILE: a consistent copy of the database, made while the runner keeps serving
// (SQLite's online backup in one step: one read transaction, which in WAL mode never blocks the runner's
// writes). The copy is written beside its final name and renamed once checked, so a backup that fails
// halfway never looks like a good one.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { openDriver } from '../store/sqlite/index.js';
import type { SqlDriver } from '../store/sqlite/driver.js';
import { UsageError, parse, reportFailure } from './usage.js';

export const USAGE = `Usage: issafesite-runner backup FILE [--db ./data/issafesite.db]

Copies the runner's database to FILE while the runner keeps serving, checks the copy's integrity and
prints what it holds. FILE must not exist yet. To restore, stop the runner, put the copy in place of the
database file (removing its -wal and -shm files) and start the runner again (docs/self-hosting.md).`;

const OPTIONS = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

export interface BackupSummary {
  pages: number;
  bytes: number;
  scans: number;
  keys: number;
}

/** Checks a copy: SQLite's integrity check, then that it is a runner database. */
export function inspectCopy(copy: SqlDriver): Omit<BackupSummary, 'pages' | 'bytes'> {
  const problems = copy.all<{ integrity_check: string }>('PRAGMA integrity_check').map((r) => r.integrity_check);
  if (problems.join() !== 'ok') throw new Error(`The copy failed SQLite's integrity check: ${problems.slice(0, 3).join('; ')}.`);
  const hasSchema = copy.get<{ n: number }>("SELECT COUNT(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('schema_version', 'scans', 'api_keys')")?.n === 3;
  if (!hasSchema) throw new Error('The copy holds no runner tables: is --db the runner database?');
  return {
    scans: copy.get<{ n: number }>('SELECT COUNT(*) AS n FROM scans')?.n ?? 0,
    keys: copy.get<{ n: number }>('SELECT COUNT(*) AS n FROM api_keys')?.n ?? 0,
  };
}

/** Copies `db` to `file` and checks the copy. */
export async function backupDatabase(db: string, file: string, driverChoice: 'auto' | 'better-sqlite3' | 'node:sqlite' = 'auto'): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = await openDriver(db, driverChoice);
  let pages: number;
  try {
    pages = await source.backup(partial);
  } finally {
    source.close();
  }
  try {
    const copy = await openDriver(partial, driverChoice);
    let facts: Omit<BackupSummary, 'pages' | 'bytes'>;
    try {
      facts = inspectCopy(copy);
    } finally {
      copy.close();
    }
    rmSync(`${partial}-wal`, { force: true });
    rmSync(`${partial}-shm`, { force: true });
    renameSync(partial, file);
    return { pages, bytes: statSync(file).size, ...facts };
  } catch (error) {
    for (const leftover of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
    throw error;
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values, positionals } = parse(argv, OPTIONS, true);
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const [file, ...rest] = positionals;
    if (file === undefined) throw new UsageError('backup needs the file to write the copy to.');
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0] ?? ''}".`);
    const config = loadConfig(env, { db: values.db });
    // Opening a missing database would create an empty one: say so instead.
    if (!existsSync(config.db)) {
      process.stderr.write(`No database at ${config.db}: pass the runner's --db or set RUNNER_DB.\n`);
      return 1;
    }
    if (existsSync(file)) {
      process.stderr.write(`${file} already exists: choose a new name (backups never overwrite a file).\n`);
      return 1;
    }
    if (!existsSync(path.dirname(path.resolve(file)))) {
      process.stderr.write(`The folder of ${file} does not exist: create it first.\n`);
      return 1;
    }
    const summary = await backupDatabase(config.db, file, config.sqliteDriver);
    const mb = (summary.bytes / 1024 / 1024).toFixed(1);
    process.stdout.write(`Backed up ${config.db} to ${file}: ${summary.scans} scans, ${summary.keys} API keys, ${mb} MB; integrity check ok.\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, USAGE);
  }
}
