import { afterEach, describe, expect, it } from 'vitest';
import { probeTls } from '../../../../runner/src/scanner/collect/tls-probe.js';
import { testCerts } from '../../../support/certs.js';
import { startRawServer, startServer, type Fixture, type ServerOptions } from '../../../support/fixture-server.js';

const open: Fixture[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function https(options: Omit<ServerOptions, 'tls'> & { cert: keyof Omit<Awaited<ReturnType<typeof testCerts>>, 'ca'> }): Promise<Fixture> {
  const certs = await testCerts();
  const { cert, ...rest } = options;
  const site = await startServer({ '/': 'ok' }, { tls: certs[cert], ...rest });
  open.push(site);
  return site;
}

const DAY = 86_400_000;

describe('probeTls: certificates', () => {
  it('trusts a certificate signed by a CA given in `ca` and reads its facts', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'valid' });
    const facts = await probeTls('127.0.0.1', site.port, { ca: [ca.cert], allowPrivateTargets: true });
    expect(facts).toMatchObject({
      host: '127.0.0.1',
      port: site.port,
      trusted: true,
      hostnameMatches: true,
      subject: 'CN=localhost',
      issuer: 'CN=IsSafeSite Test CA',
      keyBits: 2048,
      protocol: 'TLSv1.3',
      legacy: { tls10: false, tls11: false },
    });
    expect(facts.trustError).toBeUndefined();
    expect(facts.error).toBeUndefined();
    expect(facts.subjectAltNames).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1']);
    // Issued a day ago for 90 days.
    expect(facts.daysLeft).toBe(88);
    expect(new Date(facts.validTo!).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(facts.validFrom!).getTime()).toBeLessThan(Date.now());
  });

  it('does not trust the same certificate without its CA', async () => {
    const site = await https({ cert: 'valid' });
    const facts = await probeTls('127.0.0.1', site.port, { allowPrivateTargets: true });
    expect(facts.trusted).toBe(false);
    expect(facts.trustError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(facts.hostnameMatches).toBe(true);
  });

  it('reports a self-signed certificate as untrusted with DEPTH_ZERO_SELF_SIGNED_CERT', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'selfSigned' });
    const facts = await probeTls('127.0.0.1', site.port, { ca: [ca.cert], allowPrivateTargets: true });
    expect(facts).toMatchObject({ trusted: false, trustError: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('reports an expired certificate with CERT_HAS_EXPIRED and negative days left', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'expired' });
    const facts = await probeTls('127.0.0.1', site.port, { ca: [ca.cert], allowPrivateTargets: true });
    expect(facts).toMatchObject({ trusted: false, trustError: 'CERT_HAS_EXPIRED' });
    expect(facts.daysLeft).toBeLessThanOrEqual(-10);
    expect(facts.daysLeft).toBeGreaterThanOrEqual(-11);
  });

  it('counts days left from the given `now`', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'valid' });
    const facts = await probeTls('127.0.0.1', site.port, { ca: [ca.cert], allowPrivateTargets: true, now: Date.now() + 80 * DAY });
    expect(facts.daysLeft).toBe(8);
  });

  it('reports a certificate for another name as trusted but not matching the host', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'wrongName' });
    const facts = await probeTls('127.0.0.1', site.port, { ca: [ca.cert], allowPrivateTargets: true });
    expect(facts).toMatchObject({ trusted: true, hostnameMatches: false, subjectAltNames: ['DNS:wrong.example.invalid'] });
  });

  it('checks the name it connected by: localhost matches its DNS entry', async () => {
    const { ca } = await testCerts();
    const site = await https({ cert: 'valid' });
    const facts = await probeTls('localhost', site.port, { ca: [ca.cert], allowPrivateTargets: true });
    expect(facts).toMatchObject({ host: 'localhost', trusted: true, hostnameMatches: true });
  });
});

describe('probeTls: protocols', () => {
  it('detects a server that still accepts TLS 1.0 and 1.1', async () => {
    const site = await https({ cert: 'valid', legacyTls: true });
    const facts = await probeTls('127.0.0.1', site.port, { allowPrivateTargets: true });
    expect(facts.legacy).toEqual({ tls10: true, tls11: true });
  });

  it('offers h2 and http/1.1 and records what the server picked', async () => {
    const h2 = await https({ cert: 'valid', http2: true });
    expect((await probeTls('127.0.0.1', h2.port, { allowPrivateTargets: true })).alpn).toBe('h2');
    const h1 = await https({ cert: 'valid' });
    expect((await probeTls('127.0.0.1', h1.port, { allowPrivateTargets: true })).alpn).not.toBe('h2');
  });
});

describe('probeTls: failures', () => {
  it('ends with an error when the server answers with garbage', async () => {
    const garbage = await startRawServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n'));
    open.push(garbage);
    const facts = await probeTls('127.0.0.1', garbage.port, { allowPrivateTargets: true, timeoutMs: 1000 });
    expect(facts.error).toMatch(/^TLS handshake with 127\.0\.0\.1:\d+ failed/);
    expect(facts).toMatchObject({ trusted: false, hostnameMatches: false, legacy: { tls10: null, tls11: null } });
  });

  it('gives up on a server that never completes the handshake', async () => {
    const silent = await startRawServer(() => undefined);
    open.push(silent);
    const started = Date.now();
    const facts = await probeTls('127.0.0.1', silent.port, { allowPrivateTargets: true, timeoutMs: 300 });
    expect(facts.error).toMatch(/no handshake within 0\.3 s/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('refuses a loopback address unless private targets are allowed', async () => {
    const site = await https({ cert: 'valid' });
    const facts = await probeTls('127.0.0.1', site.port);
    expect(facts.error).toBe('Refused to connect to 127.0.0.1 (loopback address): private targets are not allowed');
  });

  it('refuses a name whose address is blocked, checking the address it would connect to', async () => {
    const site = await https({ cert: 'valid' });
    const resolver = async () => [{ address: '127.0.0.1', family: 4 as const }];
    const facts = await probeTls('site.test', site.port, { resolver });
    expect(facts.error).toMatch(/^Refused to connect to 127\.0\.0\.1/);
  });
});
