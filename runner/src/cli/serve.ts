// issafesite-runner serve: migrations, keys, the worker and the API; SIGTERM or SIGINT drains and stops.
import type { RunnerConfig } from '../config.js';
import { CONFIG_FLAGS, SETTING_DOCS, loadConfig } from '../config.js';
import type { RunningRunner, ServeOptions } from '../start.js';
import { FIRST_ACCOUNT, startRunner } from '../start.js';
import { RUNNER_VERSION } from '../version.js';
import { parse, reportFailure } from './usage.js';

/** Names wrapped at 100 columns. */
function wrap(words: readonly string[], width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + word.length + 2 > width) {
      lines.push(`${line},`);
      line = word;
    } else {
      line = line === '' ? word : `${line}, ${word}`;
    }
  }
  return [...lines, `${line}.`].join('\n');
}

export const USAGE = `Usage: issafesite-runner serve [--port 8080] [--host 127.0.0.1] [--db ./data/issafesite.db] [--concurrency 4]

Runs the IsSafeSite API and the scan worker over one SQLite file. A flag wins over its variable; every
setting and its default is listed in docs/self-hosting.md.

Environment:
${wrap(SETTING_DOCS.map((s) => s.env))}`;

function banner(runner: RunningRunner, description: string): string {
  const { config, url, firstKey } = runner;
  const lines = [`IsSafeSite runner ${RUNNER_VERSION} listening on ${url} (database ${config.db}, ${description}, ${config.concurrency} scans at once).`];
  if (firstKey === undefined) {
    lines.push('Create an API key with: issafesite-runner keys create --account NAME --plan PRO');
  } else {
    lines.push(
      '',
      `No API key existed, so one was created for account "${FIRST_ACCOUNT}" (ENTERPRISE plan). It is shown only this once:`,
      '',
      `  ${firstKey}`,
      '',
      'Start a scan:',
      '',
      `curl -X POST ${url}/api/v1/scan \\`,
      `-H "Authorization: Bearer ${firstKey}" \\`,
      '-H "Content-Type: application/json" \\',
      `-d '{"url": "https://example.com", "depth": "STANDARD"}'`,
      '',
      `Then follow the statusUrl it answers: curl -H "Authorization: Bearer ${firstKey}" ${url}/api/v1/scan/<id>`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}

export async function main(argv: string[], options: ServeOptions = {}): Promise<number> {
  let config: RunnerConfig;
  try {
    const { values } = parse(argv, { ...CONFIG_FLAGS, help: { type: 'boolean', short: 'h' } }, false);
    if (values.help === true) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    config = loadConfig(options.env ?? process.env, values as Record<string, string | undefined>);
  } catch (error) {
    return reportFailure(error, USAGE);
  }

  // Listening for signals before anything starts: one that arrives during start-up stops the runner
  // right after it, instead of killing the process by default.
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const runner = await startRunner(config, options);
  process.stdout.write(banner(runner, runner.store.description));
  const received = await signal;
  // A second signal while draining means "now".
  const force = (again: NodeJS.Signals) => () => {
    process.stderr.write(`${again} during shutdown: stopping at once; running scans go back to the queue when their lease expires.\n`);
    process.exit(130);
  };
  process.once('SIGTERM', force('SIGTERM'));
  process.once('SIGINT', force('SIGINT'));
  process.stderr.write(`${received}: finishing running scans for up to ${config.shutdownGraceMs} ms, then stopping.\n`);
  await runner.stop();
  return 0;
}
