import { describe, expect, it } from 'vitest';
import { httpTwin, normaliseTarget } from '../../../../runner/src/scanner/collect/target-url.js';

describe('normaliseTarget', () => {
  it.each([
    ['https://Example.COM', 'https://example.com/'],
    ['  http://example.com/a?b=1#frag ', 'http://example.com/a?b=1'],
    ['example.com/path', 'https://example.com/path'],
    ['localhost:3000', 'https://localhost:3000/'],
    ['HTTP://[::1]:8080', 'http://[::1]:8080/'],
  ])('turns %j into %s', (input, expected) => {
    expect(normaliseTarget(input).href).toBe(expected);
  });

  it.each([
    ['ftp://example.com/', /only http and https/],
    ['https://', /expected an absolute http\(s\) URL/],
    ['https://user:secret@example.com/', /remove the user name and password/],
  ])('refuses %j with INVALID_URL', (input, message) => {
    expect(() => normaliseTarget(input)).toThrow(expect.objectContaining({ code: 'INVALID_URL', message: expect.stringMatching(message) }));
  });
});

describe('httpTwin', () => {
  it('is the same URL over http on the default port', () => {
    expect(httpTwin(new URL('https://example.com:8443/a?b')).href).toBe('http://example.com/a?b');
  });
});
