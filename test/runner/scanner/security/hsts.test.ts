import { describe, expect, it } from 'vitest';
import { parseHsts, SIX_MONTHS } from '../../../../runner/src/scanner/security/hsts.js';

describe('HSTS parsing', () => {
  it('reads max-age, includeSubDomains and preload', () => {
    expect(parseHsts('max-age=31536000; includeSubDomains; preload')).toEqual({ maxAge: 31_536_000, includeSubDomains: true, preload: true });
  });

  it('allows spaces around "=" and ignores unknown directives', () => {
    expect(parseHsts('max-age = 100 ; foo=bar')).toEqual({ maxAge: 100, includeSubDomains: false, preload: false });
  });

  it('uses the Observatory six months of 180 days', () => {
    expect(SIX_MONTHS).toBe(180 * 86_400);
  });

  it.each(['', 'preload', 'max-age=-1', 'max-age=1e9', 'max-age=1; max-age=2', 'max-age=1, max-age=1'])('rejects %j', (value) => {
    expect(typeof parseHsts(value)).toBe('string');
  });
});
