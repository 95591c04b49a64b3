import { describe, expect, it } from 'vitest';
import { structuredToken } from '../../../../runner/src/scanner/security/structured-field.js';

describe('structured-field token', () => {
  it.each([
    ['same-origin', 'same-origin'],
    ['  require-corp  ', 'require-corp'],
    ['same-origin; report-to="a"', 'same-origin'],
    ['same-origin;report-to', 'same-origin'],
    ['same-origin; a=1; b=?0; c=tok; d=:aGk=:', 'same-origin'],
    ['Same-Origin', 'Same-Origin'],
  ])('reads %j as %j', (value, token) => {
    expect(structuredToken(value)).toBe(token);
  });

  it.each(['"same-origin"', '', 'same-origin; report-to=coop endpoint', 'same-origin, unsafe-none', '1abc', 'same-origin; Report-To=x'])('rejects %j', (value) => {
    expect(structuredToken(value)).toBeNull();
  });
});
