#!/usr/bin/env node
// The command line: `issafesite scan URL` and the runner's own commands (`issafesite-runner serve`,
// `keys`, …). Each command is a module exporting main(argv) → exit code; this file only dispatches.
import { UsageError } from './cli/usage-error.js';
import { RUNNER_VERSION } from './version.js';

interface Command {
  summary: string;
  load: () => Promise<{ main(argv: string[]): Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  scan: { summary: 'scan a website once and print its grade and findings', load: () => import('./cli/scan.js') },
  serve: { summary: 'run the API and the scan worker', load: () => import('./cli/serve.js') },
  keys: { summary: 'create, list and revoke API keys', load: () => import('./cli/keys.js') },
  backup: { summary: 'copy the database while the runner serves', load: () => import('./cli/backup.js') },
  healthcheck: { summary: 'exit 0 when the runner answers /healthz (for Docker)', load: () => import('./cli/healthcheck.js') },
};

const USAGE = `Usage: issafesite <command> [options]   (also installed as issafesite-runner)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)}${c.summary}`)
  .join('\n')}

Run "issafesite <command> --help" for a command's options.`;

async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${RUNNER_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (await command.load()).main(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

// exitCode rather than exit(): a forced exit can cut a large --json result still flowing into a pipe.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
