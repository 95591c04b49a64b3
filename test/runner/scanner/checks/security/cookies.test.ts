import { describe, expect, it } from 'vitest';
import { cookies, isSessionCookie } from '../../../../../runner/src/scanner/checks/security/cookies.js';
import { artifacts, htmlPage, redirectChain, toHeaderMap } from '../../../../support/artifacts.js';

const run = (lines: string[], headers: Record<string, string | string[]> = {}) => cookies.run(artifacts({ headers: { 'set-cookie': lines, ...headers } }));

describe('cookies', () => {
  it('never shows a cookie value in any finding', () => {
    const r = run(['session=s3cr3t-v4lue; Path=/', 'theme=d4rk-v4lue']);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.findings)).not.toMatch(/s3cr3t|d4rk/);
    expect(r.findings[0]!.evidence).toBe('Set-Cookie: session=[redacted]; Path=/');
  });

  it('reports a session cookie without Secure and HttpOnly as one high finding naming the cookie', () => {
    const r = run(['PHPSESSID=abc; Path=/']);
    expect(r.outcome).toBe('cookies-session-without-secure-flag');
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.severity).toBe('high');
    expect(f.title).toBe('Cookie "PHPSESSID" lacks Secure, is a session cookie without HttpOnly');
    expect(f.location).toEqual({ url: 'https://site.test/', header: 'Set-Cookie' });
    expect(f.remediation).toBe('Set it as `Set-Cookie: __Host-PHPSESSID=…; Path=/; Secure; HttpOnly; SameSite=Lax`.');
  });

  it.each(['connect.sid', 'sid', 'auth_token', 'jwt', 'user_session', 'LOGIN_INFO'])('treats %s as a session cookie', (name) => {
    expect(isSessionCookie(name)).toBe(true);
  });

  it.each(['theme', 'csrftoken', 'XSRF-TOKEN', '_ga', 'consider'])('does not treat %s as a session cookie', (name) => {
    expect(isSessionCookie(name)).toBe(false);
  });

  it('passes Secure, HttpOnly, SameSite cookies with no finding', () => {
    expect(run(['__Host-sid=1; Path=/; Secure; HttpOnly; SameSite=Lax', 'theme=dark; Secure; SameSite=Strict'])).toEqual({
      outcome: 'cookies-secure-with-httponly-sessions-and-samesite',
      findings: [],
    });
  });

  it('groups cookies that only lack SameSite into one info finding', () => {
    const r = run(['a=1; Secure', 'b=2; Secure']);
    expect(r.outcome).toBe('cookies-secure-with-httponly-sessions');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.title).toBe('Cookies "a", "b" without SameSite');
  });

  it('lowers a missing Secure to low when HSTS protects the site', () => {
    const r = run(['theme=dark; SameSite=Lax'], { 'strict-transport-security': 'max-age=31536000' });
    expect(r.outcome).toBe('cookies-without-secure-flag-but-protected-by-hsts');
    expect(r.findings[0]!.severity).toBe('low');
  });

  it('calls SameSite=None without Secure invalid', () => {
    expect(run(['theme=dark; SameSite=None']).outcome).toBe('cookies-samesite-flag-invalid');
  });

  it('reports a __Host- cookie that breaks its prefix rules as low, and does not judge it further', () => {
    const r = run(['__Host-id=1; Domain=site.test; Path=/; Secure; HttpOnly; SameSite=Lax']);
    expect(r.outcome).toBe('cookies-not-found');
    expect(r.findings[0]!.severity).toBe('low');
    expect(r.findings[0]!.description).toContain('must not have a Domain attribute');
  });

  it('reports a __Secure- cookie without Secure', () => {
    expect(run(['__Secure-id=1; Path=/']).findings[0]!.description).toContain('a __Secure- cookie must be Secure');
  });

  it('ignores cookies for another domain, which browsers reject', () => {
    expect(run(['sid=1; Domain=other.test']).outcome).toBe('cookies-not-found');
  });

  it('reads cookies set on redirect hops and on the plain-HTTP probe', () => {
    const page = htmlPage('<html></html>', {
      redirects: [{ url: 'https://site.test/login', status: 302, location: 'https://site.test/', headers: toHeaderMap({ 'set-cookie': 'sessionid=1; Secure; HttpOnly; SameSite=Lax' }), remoteAddress: '127.0.0.1' }],
    });
    const http = redirectChain(['http://site.test/', 'https://site.test/']);
    http.redirects[0]!.headers['set-cookie'] = ['tracker=1; Secure; SameSite=Lax'];
    const r = cookies.run(artifacts({ page, pages: [page], http }));
    // A Secure cookie sent over plain HTTP is refused by browsers, so it counts as not Secure.
    expect(r.findings.map((f) => f.title)).toEqual(['Cookie "tracker" is set over plain HTTP']);
    expect(r.findings[0]!.location.url).toBe('http://site.test/');
    expect(r.outcome).toBe('cookies-without-secure-flag');
  });
});

describe('cookies as a browser stores them', () => {
  it('lets a later Set-Cookie of the same name, domain and path replace the earlier one', () => {
    expect(run(['sid=1; Path=/', 'sid=2; Path=/; Secure; HttpOnly; SameSite=Lax']).outcome).toBe('cookies-secure-with-httponly-sessions-and-samesite');
  });

  it('keeps the earlier cookie when the later one is rejected', () => {
    const r = run(['__Secure-sid=1; Path=/; Secure; HttpOnly; SameSite=Lax', '__Secure-sid=2; Path=/']);
    expect(r.outcome).toBe('cookies-secure-with-httponly-sessions-and-samesite');
    expect(r.findings.map((f) => f.severity)).toEqual(['low']);
  });

  it('reports an invalid SameSite even on a cookie the browser drops, as the Observatory does', () => {
    const r = run(['__Host-a=1; SameSite=True', 'theme=dark; Secure; SameSite=Lax']);
    expect(r.outcome).toBe('cookies-samesite-flag-invalid');
    expect(r.findings.map((f) => f.title)).toEqual(['Cookie "__Host-a" breaks its name prefix rules', 'Cookie "__Host-a" has an invalid SameSite value']);
  });
});
