// Argument parsing shared by the subcommands: a usage mistake is one sentence on stderr and exit code 2.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ConfigError } from '../config.js';

import { UsageError } from './usage-error.js';

export { UsageError };

export const EXIT_USAGE = 2;

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    // parseArgs says e.g. "Unknown option '--prot'. To specify a positional argument starting with a '-' …".
    const first = (error as Error).message.split('. ')[0] ?? 'Invalid arguments';
    throw new UsageError(`${first.replace(/\.$/, '')}.`);
  }
}

/** Prints a usage or configuration error and returns the exit code; rethrows anything else. */
export function reportFailure(error: unknown, usage: string): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT_USAGE;
  }
  throw error;
}
