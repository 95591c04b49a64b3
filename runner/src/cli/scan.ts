// `issafesite scan <url>`: progress on stderr, the summary (or --json) on stdout.
// Exit 0 when the scan completed, 1 when the target could not be scanned, 2 for a usage error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeReportFile } from '../report/index.js';
import { scan } from '../scanner/engine.js';
import { ScanError } from '../scanner/errors.js';
import type { Depth } from '../scanner/types.js';
import { DEPTHS } from '../scanner/types.js';
import { formatSummary } from './format-summary.js';
import { UsageError } from './usage-error.js';

const HELP = `Usage: issafesite scan <url> [options]

Scans a website for security weaknesses, SEO defects and delivery problems.

Options:
  --depth QUICK|STANDARD|DEEP  how far to look (default STANDARD)
  --json                       print the result object as JSON instead of the summary
  --allow-private              allow targets on loopback and private networks (e.g. http://localhost:3000)
  --ca <file>                  also trust the CA certificates in this PEM file
  --timeout <seconds>          give up on the whole scan after this long
  --max-pages <n>              crawl at most this many pages (default STANDARD 25, DEEP 200)
  --crawl-timeout <seconds>    stop crawling after this long (default STANDARD 60, DEEP 300)
  --pdf <file>                 also write the PDF report to this file
  --quiet                      no progress on stderr
  -h, --help                   show this help

Exit status: 0 the scan completed, 1 the target could not be scanned, 2 a usage error.`;

export interface ScanCommand {
  url: string;
  depth: Depth;
  json: boolean;
  allowPrivate: boolean;
  ca: string[];
  timeoutMs?: number;
  quiet: boolean;
  pdf?: string;
  maxPages?: number;
  crawlTimeoutMs?: number;
}

export function parseScanArgs(argv: string[]): ScanCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        depth: { type: 'string' },
        json: { type: 'boolean', default: false },
        'allow-private': { type: 'boolean', default: false },
        ca: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        pdf: { type: 'string' },
        'max-pages': { type: 'string' },
        'crawl-timeout': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}. Run \`issafesite scan --help\` for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'Missing the URL to scan, e.g. `issafesite scan https://example.com`.'
        : `Expected one URL to scan, got ${positionals.length}: ${positionals.join(' ')}.`,
    );
  }
  const url = parseTargetUrl(positionals[0]!);
  const depth = (values.depth ?? 'STANDARD').toUpperCase();
  if (!(DEPTHS as readonly string[]).includes(depth)) {
    throw new UsageError(`Unknown depth "${values.depth}": use QUICK, STANDARD or DEEP.`);
  }
  const timeoutMs = positiveSeconds('--timeout', values.timeout);
  const crawlTimeoutMs = positiveSeconds('--crawl-timeout', values['crawl-timeout']);
  let maxPages: number | undefined;
  if (values['max-pages'] !== undefined) {
    maxPages = Number(values['max-pages']);
    if (!Number.isInteger(maxPages) || maxPages < 1) throw new UsageError(`--max-pages must be a whole number of at least 1, got "${values['max-pages']}".`);
  }
  const ca = (values.ca ?? []).map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`Cannot read the CA file "${file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
    }
  });
  if (values.pdf !== undefined && values.pdf.trim() === '') throw new UsageError('--pdf needs a file name, e.g. --pdf report.pdf.');
  return {
    url,
    depth: depth as Depth,
    json: values.json,
    allowPrivate: values['allow-private'],
    ca,
    timeoutMs,
    quiet: values.quiet,
    ...(values.pdf !== undefined ? { pdf: values.pdf } : {}),
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(crawlTimeoutMs !== undefined ? { crawlTimeoutMs } : {}),
  };
}

function positiveSeconds(flag: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`${flag} must be a positive number of seconds, got "${raw}".`);
  return seconds * 1000;
}

function parseTargetUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`"${raw}" is not a URL: give an absolute http(s) URL such as https://example.com.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`Only http and https URLs can be scanned, got "${url.protocol}".`);
  if (url.username || url.password) throw new UsageError('The URL must not contain a user name or password.');
  return url.href;
}

export async function main(argv: string[]): Promise<number> {
  const command = parseScanArgs(argv);
  if (command === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const progress = command.quiet ? undefined : (message: string) => process.stderr.write(`… ${message}\n`);
  progress?.(`Scanning ${command.url} at ${command.depth} depth`);
  try {
    const result = await scan(command.url, {
      depth: command.depth,
      allowPrivateTargets: command.allowPrivate,
      ca: command.ca,
      ...(command.timeoutMs !== undefined ? { scanTimeoutMs: command.timeoutMs } : {}),
      ...(command.maxPages !== undefined ? { maxPages: command.maxPages } : {}),
      ...(command.crawlTimeoutMs !== undefined ? { crawlTimeoutMs: command.crawlTimeoutMs } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
    process.stdout.write(command.json ? JSON.stringify(result, null, 2) + '\n' : formatSummary(result, { color: useColor() }));
    if (command.pdf !== undefined) {
      const bytes = await writeReportFile(result, command.pdf);
      progress?.(`PDF report written to ${command.pdf} (${bytes} bytes)`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ScanError) {
      process.stderr.write(`Could not scan ${command.url}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function useColor(): boolean {
  return process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
}
