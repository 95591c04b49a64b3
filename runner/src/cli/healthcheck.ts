// issafesite-runner healthcheck: exit 0 when the runner on PORT / RUNNER_HOST answers GET /healthz with
// 200, 1 otherwise. The Docker image's HEALTHCHECK runs it, since the slim Node image has no curl.
import { CONFIG_FLAGS, loadConfig } from '../config.js';
import { parse, reportFailure } from './usage.js';

export const USAGE = `Usage: issafesite-runner healthcheck [--port 8080] [--host 127.0.0.1]

Exits 0 when the runner answers GET /healthz, 1 otherwise (for Docker's HEALTHCHECK).`;

/** Docker's own default timeout for a health check is 30 s; a live runner answers in milliseconds. */
const TIMEOUT_MS = 3_000;

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let url: string;
  try {
    const { values } = parse(argv, { port: CONFIG_FLAGS.port!, host: CONFIG_FLAGS.host!, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const config = loadConfig(env, { port: values.port, host: values.host });
    // A runner listening on every address is asked on loopback.
    const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    url = `http://${host}:${config.port}/healthz`;
  } catch (error) {
    return reportFailure(error, USAGE);
  }
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (res.status === 200) return 0;
    process.stderr.write(`${url} answered ${res.status}.\n`);
  } catch (error) {
    process.stderr.write(`${url} did not answer: ${error instanceof Error ? error.message : String(error)}.\n`);
  }
  return 1;
}
