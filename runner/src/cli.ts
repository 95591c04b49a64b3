#!/usr/bin/env node
// The command line: `issafesite scan URL` and the runner's own commands (`issafesite-runner serve`,
// `keys`, …). Each command is a module exporting main(argv) → exit code; this file only dispatches.
import { UsageError } from './cli/usage-error.js';

type Command = { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> };

const COMMANDS: Record<string, Command> = {
  scan: { summary: 'Scan a website and print its grade and findings', load: () => import('./cli/scan.js') },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['Usage: issafesite <command> [options]', '', 'Commands:', ...lines, '', 'Run `issafesite <command> --help` for its options.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
