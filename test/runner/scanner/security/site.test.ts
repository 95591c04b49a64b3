import { describe, expect, it } from 'vitest';
import { registrableDomain, sameSite } from '../../../../runner/src/scanner/security/site.js';

describe('registrable domain', () => {
  it.each([
    ['www.mozilla.org', 'mozilla.org'],
    ['a.b.site.test', 'site.test'],
    ['shop.co.uk', 'shop.co.uk'],
    ['cdn.shop.co.uk', 'shop.co.uk'],
    ['www.example.com.au', 'example.com.au'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '::1'],
    ['WWW.Site.Test.', 'site.test'],
  ])('of %s is %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('tells sites apart', () => {
    expect(sameSite('static.site.test', 'www.site.test')).toBe(true);
    expect(sameSite('fb.me', 'mozilla.org')).toBe(false);
    expect(sameSite('a.co.uk', 'b.co.uk')).toBe(false);
  });
});
