// Mode bundled: no account, no API key. The runner of this repository is started inside the action's process,
// listening on 127.0.0.1 on a port the system picks, with a throwaway key and its SQLite database in the job's
// temporary folder; the action then talks to it over HTTP with the same client as to the hosted API.
import * as core from '@actions/core';
import path from 'node:path';
import { generateApiKey } from '../runner/src/auth/api-keys.js';
import { loadConfig } from '../runner/src/config.js';
import type { Logger } from '../runner/src/logger.js';
import { startRunner } from '../runner/src/start.js';

export interface BundledRunner {
  /** The API's base, http://127.0.0.1:<port>/api/v1. */
  apiUrl: string;
  apiKey: string;
  stop(): Promise<void>;
}

export async function startBundledRunner(tempDir: string): Promise<BundledRunner> {
  const apiKey = generateApiKey();
  core.setSecret(apiKey);
  // An environment of our own, not the job's: RUNNER_* variables a workflow sets for something else must not
  // reconfigure the scan.
  const config = loadConfig({
    RUNNER_DB: path.join(tempDir, 'issafesite-runner.db'),
    RUNNER_HOST: '127.0.0.1',
    PORT: '0',
    RUNNER_BOOTSTRAP_KEY: apiKey,
    // CI usually scans the app the job itself started, on localhost (SPEC §5).
    RUNNER_ALLOW_PRIVATE_TARGETS: 'true',
    // better-sqlite3 is not in the bundle; `auto` finds it missing (or built for another Node) and uses the
    // node:sqlite built into the Actions runtime (Node 24).
    RUNNER_SQLITE_DRIVER: 'auto',
    RUNNER_CONCURRENCY: '1',
    // When the action ends the job does not wait for a scan it gave up on.
    RUNNER_SHUTDOWN_GRACE_MS: '0',
  });
  const runner = await startRunner(config, { logger: actionsLogger });
  core.debug(`Runner started in-process at ${runner.url} (${runner.store.description})`);
  return { apiUrl: `${runner.url}/api/v1`, apiKey, stop: () => runner.stop() };
}

// The runner's log goes to the job's debug log (ACTIONS_STEP_DEBUG); its warnings and errors, such as a report
// that could not be made, to the visible log.
const line = (fields: object, message?: string) => `runner: ${message ?? ''} ${JSON.stringify(fields)}`.trim();
const actionsLogger: Logger = {
  // Its debug lines (one per HTTP request) would only repeat the action's own log.
  debug: () => undefined,
  info: (fields, message) => core.debug(line(fields, message)),
  warn: (fields, message) => core.info(line(fields, message)),
  error: (fields, message) => core.info(line(fields, message)),
};
