import { describe, expect, it } from 'vitest';
import { domainAccepted, parseSetCookie, prefixViolation, redactedLine } from '../../../../runner/src/scanner/security/set-cookie.js';

describe('Set-Cookie parsing', () => {
  it('reads the attributes case-insensitively and keeps no value', () => {
    const c = parseSetCookie('id=a3fWa; Expires=Thu, 21 Oct 2031 07:28:00 GMT; SECURE; httponly; samesite=STRICT; Domain=.Site.test; Path=/app');
    expect(c).toMatchObject({ name: 'id', hasValue: true, secure: true, httpOnly: true, sameSite: 'strict', sameSiteInvalid: false, domain: 'site.test', path: '/app' });
    expect(JSON.stringify(c)).not.toContain('a3fWa');
  });

  it('redacts the value in evidence but keeps every attribute as sent', () => {
    expect(redactedLine(parseSetCookie('sid=xyz;Path=/;  Secure'))).toBe('Set-Cookie: sid=[redacted]; Path=/; Secure');
    expect(redactedLine(parseSetCookie('empty=; Path=/'))).toBe('Set-Cookie: empty=; Path=/');
  });

  it('treats a pair without "=" as a nameless cookie (RFC 6265bis §5.6)', () => {
    const c = parseSetCookie('justavalue; Secure');
    expect(c.name).toBe('');
    expect(redactedLine(c)).toBe('Set-Cookie: [redacted]; Secure');
  });

  it.each(['SameSite', 'SameSite=', 'SameSite=True', 'SameSite=yes'])('flags %j as an invalid SameSite', (attr) => {
    const c = parseSetCookie(`a=1; ${attr}`);
    expect(c.sameSiteInvalid).toBe(true);
    expect(c.sameSite).toBeUndefined();
  });

  it('lets the last occurrence of an attribute win', () => {
    expect(parseSetCookie('a=1; SameSite=None; SameSite=Lax').sameSite).toBe('lax');
  });

  it('checks the __Host- and __Secure- prefix rules', () => {
    expect(prefixViolation(parseSetCookie('__Host-a=1; Secure; Path=/'))).toBeUndefined();
    expect(prefixViolation(parseSetCookie('__Host-a=1; Secure'))).toContain('Path=/');
    expect(prefixViolation(parseSetCookie('__Host-a=1; Path=/'))).toContain('Secure');
    expect(prefixViolation(parseSetCookie('__Secure-a=1'))).toContain('Secure');
    expect(prefixViolation(parseSetCookie('plain=1'))).toBeUndefined();
  });

  it('accepts a Domain that covers the host and rejects one that does not', () => {
    expect(domainAccepted(parseSetCookie('a=1; Domain=site.test'), 'www.site.test')).toBe(true);
    expect(domainAccepted(parseSetCookie('a=1; Domain=other.test'), 'site.test')).toBe(false);
    expect(domainAccepted(parseSetCookie('a=1; Domain=ite.test'), 'site.test')).toBe(false);
  });
});
