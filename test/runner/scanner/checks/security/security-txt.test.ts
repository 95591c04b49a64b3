import { afterEach, describe, expect, it } from 'vitest';
import { parseSecurityTxt, securityTxt } from '../../../../../runner/src/scanner/checks/security/security-txt.js';
import { artifacts, response } from '../../../../support/artifacts.js';
import { checkSite, closeSites, html, soft404 } from '../../../../support/collect-site.js';

afterEach(closeSites);

const NOW = Date.UTC(2026, 5, 1);
const txt = (body: string, url = 'https://site.test/.well-known/security.txt', type = 'text/plain; charset=utf-8') => response({ url, headers: { 'content-type': type }, body });
const run = (...files: ReturnType<typeof txt>[]) => securityTxt.run(artifacts({ depth: 'STANDARD', collectedAt: NOW, securityTxt: files }));
const VALID = 'Contact: mailto:security@site.test\nExpires: 2026-12-31T23:00:00.000Z\nPreferred-Languages: en\n';

describe('security-txt', () => {
  it('passes a site that publishes a valid file', async () => {
    const { findings, outcome } = await checkSite(securityTxt, { '/': html(''), '/.well-known/security.txt': { headers: { 'content-type': 'text/plain' }, body: `Contact: mailto:security@example.com\nExpires: ${new Date(Date.now() + 90 * 86_400_000).toISOString()}\n` } });
    expect(findings).toEqual([]);
    expect(outcome).toBe('security-txt-valid');
  });

  it('notes a site without one, and a soft-404 site, as having none', async () => {
    const missing = await checkSite(securityTxt, { '/': html('') });
    expect(missing.findings).toMatchObject([{ severity: 'info', title: 'The site publishes no security.txt' }]);
    expect(missing.findings[0]!.evidence).toBe(`GET ${missing.site.origin}/.well-known/security.txt → 404 (text/plain); GET ${missing.site.origin}/security.txt → 404 (text/plain)`);
    const spa = await checkSite(securityTxt, soft404());
    expect(spa.outcome).toBe('security-txt-missing');
  });

  it('accepts the legacy location with a note', async () => {
    const { findings } = await checkSite(securityTxt, { '/': html(''), '/security.txt': { headers: { 'content-type': 'text/plain' }, body: `Contact: https://example.com/report\nExpires: ${new Date(Date.now() + 86_400_000).toISOString()}\n` } });
    expect(findings).toMatchObject([{ severity: 'info', title: 'security.txt is only at the legacy location' }]);
  });

  it.each([
    ['no Contact', 'Expires: 2026-12-31T23:00:00.000Z\n', 'security.txt has no Contact field'],
    ['a Contact that is not a URI', 'Contact: security@site.test\nExpires: 2026-12-31T23:00:00.000Z\n', 'A security.txt Contact is not a URI'],
    ['no Expires', 'Contact: mailto:security@site.test\n', 'security.txt has no Expires field'],
    ['two Expires', `${VALID}Expires: 2026-11-30T23:00:00.000Z\n`, 'security.txt has several Expires fields'],
    ['an Expires in the past', 'Contact: mailto:s@site.test\nExpires: 2026-05-31T23:59:59Z\n', 'security.txt has expired'],
    ['an unreadable Expires', 'Contact: mailto:s@site.test\nExpires: next year\n', 'The security.txt Expires date cannot be read'],
  ])('reports a file with %s', (_case, body, title) => {
    const { findings, outcome } = run(txt(body));
    expect(findings.map((f) => f.title)).toEqual([title]);
    expect(findings[0]).toMatchObject({ severity: 'low', location: { url: 'https://site.test/.well-known/security.txt' } });
    expect(outcome).toBe('security-txt-invalid');
  });

  it('notes an Expires more than a year ahead, and a file served as another type', () => {
    expect(run(txt('Contact: mailto:s@site.test\nExpires: 2029-01-01T00:00:00Z\n')).findings.map((f) => f.severity)).toEqual(['info']);
    expect(run(txt(VALID, undefined, 'application/octet-stream')).findings.map((f) => f.title)).toEqual(['security.txt is not served as text/plain']);
  });

  it('reads a signed file', () => {
    const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n${VALID}-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCAAdFiEE\n-----END PGP SIGNATURE-----\n`;
    expect(parseSecurityTxt(signed).map((f) => f.name)).toEqual(['contact', 'expires', 'preferred-languages']);
    expect(run(txt(signed)).findings).toEqual([]);
  });
});
