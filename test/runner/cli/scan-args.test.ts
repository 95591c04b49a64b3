import { describe, expect, it } from 'vitest';
import { parseScanArgs } from '../../../runner/src/cli/scan.js';
import { UsageError } from '../../../runner/src/cli/usage-error.js';

describe('issafesite scan arguments', () => {
  it('defaults to STANDARD depth, the summary, and no private targets', () => {
    expect(parseScanArgs(['https://example.com'])).toEqual({
      url: 'https://example.com/',
      depth: 'STANDARD',
      json: false,
      allowPrivate: false,
      ca: [],
      timeoutMs: undefined,
      quiet: false,
    });
  });

  it('reads every option', () => {
    expect(parseScanArgs(['http://localhost:3000/app', '--depth', 'quick', '--json', '--allow-private', '--timeout', '2.5', '--quiet'])).toMatchObject({
      url: 'http://localhost:3000/app',
      depth: 'QUICK',
      json: true,
      allowPrivate: true,
      timeoutMs: 2500,
      quiet: true,
    });
  });

  it('reads the crawl budgets', () => {
    expect(parseScanArgs(['https://example.com', '--max-pages', '5', '--crawl-timeout', '10'])).toMatchObject({ maxPages: 5, crawlTimeoutMs: 10_000 });
  });

  it.each([
    [['https://example.com', '--max-pages', '0'], '--max-pages must be a whole number of at least 1'],
    [['https://example.com', '--max-pages', '2.5'], '--max-pages must be a whole number of at least 1'],
    [['https://example.com', '--crawl-timeout', 'x'], '--crawl-timeout must be a positive number of seconds'],
    [[], 'Missing the URL to scan'],
    [['a', 'b'], 'Expected one URL to scan, got 2'],
    [['example.com'], 'is not a URL'],
    [['ftp://example.com'], 'Only http and https URLs can be scanned'],
    [['javascript:alert(1)'], 'Only http and https URLs can be scanned'],
    [['https://user:pw@example.com'], 'must not contain a user name or password'],
    [['https://example.com', '--depth', 'FULL'], 'Unknown depth "FULL"'],
    [['https://example.com', '--timeout=-1'], '--timeout must be a positive number'],
    [['https://example.com', '--timeout', 'soon'], '--timeout must be a positive number'],
    [['https://example.com', '--ca', '/nonexistent/ca.pem'], 'Cannot read the CA file'],
    [['https://example.com', '--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j with a sentence', (argv, message) => {
    expect(() => parseScanArgs(argv)).toThrow(UsageError);
    expect(() => parseScanArgs(argv)).toThrow(message);
  });

  it('answers --help', () => {
    expect(parseScanArgs(['--help'])).toBe('help');
  });
});
