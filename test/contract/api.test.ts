import { describe, expect, it } from 'vitest';
import { CATEGORIES as SCANNER_CATEGORIES, DEPTHS as SCANNER_DEPTHS, SEVERITIES as SCANNER_SEVERITIES } from '../../runner/src/scanner/types.js';
import { CATEGORIES, CreateScanRequest, DEPTHS, ListScansQuery, SEVERITIES, firstIssue } from '../../src/contract/api.js';

const problem = (body: unknown): string | undefined => {
  const parsed = CreateScanRequest.safeParse(body);
  return parsed.success ? undefined : firstIssue(parsed.error);
};

describe('the contract', () => {
  it('speaks the scanner vocabulary without importing it', () => {
    expect(DEPTHS).toEqual(SCANNER_DEPTHS);
    expect(CATEGORIES).toEqual(SCANNER_CATEGORIES);
    expect(SEVERITIES).toEqual(SCANNER_SEVERITIES);
  });

  it('accepts the seed example and defaults depth to STANDARD', () => {
    expect(CreateScanRequest.parse({ url: 'https://example.com' })).toEqual({ url: 'https://example.com', depth: 'STANDARD' });
    expect(CreateScanRequest.parse({ url: ' http://localhost:3000/x?y=1 ', depth: 'DEEP' })).toEqual({ url: 'http://localhost:3000/x?y=1', depth: 'DEEP' });
  });

  it.each([
    [{}, 'url is required: the absolute http(s) address of the site to scan, e.g. https://example.com.'],
    [{ url: 42 }, 'url is required: the absolute http(s) address of the site to scan, e.g. https://example.com.'],
    [{ url: '' }, 'url is empty: give the absolute http(s) address of the site to scan, e.g. https://example.com.'],
    [{ url: 'example.com' }, 'url must be an absolute http(s) URL such as https://example.com (got "example.com").'],
    [{ url: '/relative' }, 'url must be an absolute http(s) URL such as https://example.com (got "/relative").'],
    [{ url: 'ftp://example.com' }, 'url must start with http:// or https:// (got "ftp:").'],
    [{ url: 'javascript:alert(1)' }, 'url must start with http:// or https:// (got "javascript:").'],
    [{ url: 'https://user:pw@example.com' }, 'url must not contain a user name or password.'],
    [{ url: 'https://user@example.com' }, 'url must not contain a user name or password.'],
    [{ url: `https://example.com/${'a'.repeat(2030)}` }, 'url is 2050 characters long; at most 2048 are accepted.'],
    [{ url: 'https://example.com', depth: 'deep' }, 'depth must be QUICK, STANDARD or DEEP.'],
    [[], 'The request body must be a JSON object such as {"url": "https://example.com"}.'],
    ['x', 'The request body must be a JSON object such as {"url": "https://example.com"}.'],
  ])('refuses %j with a sentence', (body, sentence) => {
    expect(problem(body)).toBe(sentence);
  });

  it('accepts a URL of exactly 2048 characters', () => {
    const url = `https://example.com/${'a'.repeat(2048 - 20)}`;
    expect(url).toHaveLength(2048);
    expect(problem({ url })).toBeUndefined();
  });

  it('pages with defaults, clamps a large limit and refuses the rest', () => {
    expect(ListScansQuery.parse({})).toEqual({ page: 1, limit: 20 });
    expect(ListScansQuery.parse({ page: '3', limit: '51' })).toEqual({ page: 3, limit: 50 });
    expect(ListScansQuery.parse({ domain: 'Example.COM', status: 'FAILED' })).toEqual({ page: 1, limit: 20, domain: 'example.com', status: 'FAILED' });
    for (const [query, sentence] of [
      [{ page: '0' }, 'page must be a whole number of 1 or more.'],
      [{ page: 'abc' }, 'page must be a whole number of 1 or more.'],
      [{ page: '1.5' }, 'page must be a whole number of 1 or more.'],
      [{ page: ['1', '2'] }, 'page must be a whole number of 1 or more.'],
      [{ limit: '0' }, 'limit must be a whole number of 1 or more.'],
      [{ limit: '-5' }, 'limit must be a whole number of 1 or more.'],
      [{ status: 'DONE' }, 'status must be PENDING, RUNNING, COMPLETED or FAILED.'],
    ] as const) {
      const parsed = ListScansQuery.safeParse(query);
      expect(parsed.success ? undefined : firstIssue(parsed.error)).toBe(sentence);
    }
  });
});
