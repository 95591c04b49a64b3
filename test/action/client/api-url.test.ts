// Where requests go: the base from api-url, the root that statusUrl and downloadUrl are paths from.
import { expect, test } from 'vitest';
import { apiLocation, resolveApiPath } from '../../../src/client/api-url.js';

test.each([
  ['https://issafesite.com/api/v1', 'https://issafesite.com/api/v1', 'https://issafesite.com'],
  ['https://issafesite.com/api/v1/', 'https://issafesite.com/api/v1', 'https://issafesite.com'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080/api/v1', 'http://127.0.0.1:8080'],
  ['https://corp.example.com/issafesite/api/v1', 'https://corp.example.com/issafesite/api/v1', 'https://corp.example.com/issafesite'],
])('%s has base %s and root %s', (apiUrl, base, root) => {
  expect(apiLocation(apiUrl)).toMatchObject({ base, root });
});

test('downloadUrl lies outside /api/v1 and is resolved against the root, not the base', () => {
  const location = apiLocation('https://issafesite.com/api/v1');
  expect(resolveApiPath(location, '/api/report/rpt_x/pdf').href).toBe('https://issafesite.com/api/report/rpt_x/pdf');
  expect(resolveApiPath(location, 'https://issafesite.com/api/v1/scan/c1').href).toBe('https://issafesite.com/api/v1/scan/c1');
});

test('a protocol-relative or absolute URL on another origin is refused', () => {
  const location = apiLocation('https://issafesite.com/api/v1');
  expect(() => resolveApiPath(location, '//evil.example.invalid/api/v1/scan/c1')).toThrow(/another origin/);
  expect(() => resolveApiPath(location, 'http://issafesite.com/api/v1/scan/c1')).toThrow(/another origin/);
});
