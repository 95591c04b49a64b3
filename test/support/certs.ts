// Certificates for HTTPS fixture servers, generated in the test (nothing checked in, nothing expires in git).
//
//   const ca = await createCa();
//   const leaf = await issueCert(ca);                         // valid for localhost and 127.0.0.1, signed by ca
//   const server = await startServer(routes, { tls: leaf });  // see fixture-server.ts
//   fetcher/probe option: { ca: [ca.cert] }
//
// testCerts() gives the usual set once per test file (RSA key generation costs ~100 ms each).
import { generate, type SubjectAltNameEntry } from 'selfsigned';

export interface Pem {
  /** PEM certificate. */
  cert: string;
  /** PEM private key. */
  key: string;
}

export interface CertOptions {
  /** Subject common name; defaults to the first name. */
  commonName?: string;
  /** DNS names and IP addresses for subjectAltName (default: localhost, 127.0.0.1, ::1). */
  names?: string[];
  notBefore?: Date;
  notAfter?: Date;
}

const DAY = 86_400_000;
const LOCAL_NAMES = ['localhost', '127.0.0.1', '::1'];

function altName(name: string): SubjectAltNameEntry {
  return /^[\d.]+$|:/.test(name) ? { type: 7, ip: name } : { type: 2, value: name };
}

function leafOptions(options: CertOptions): { attrs: { name: string; value: string }[]; opts: Parameters<typeof generate>[1] } {
  const names = options.names ?? LOCAL_NAMES;
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  return {
    attrs: [{ name: 'commonName', value: options.commonName ?? names[0] ?? 'localhost' }],
    opts: {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: notBefore,
      notAfterDate: options.notAfter ?? new Date(notBefore.getTime() + 90 * DAY),
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names.map(altName) },
      ],
    },
  };
}

/** A certificate authority to sign leaves with; trust it by passing `ca: [ca.cert]`. */
export async function createCa(commonName = 'IsSafeSite Test CA'): Promise<Pem> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY),
    notAfterDate: new Date(now + 365 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** A leaf certificate signed by `ca`. */
export async function issueCert(ca: Pem, options: CertOptions = {}): Promise<Pem> {
  const { attrs, opts } = leafOptions(options);
  const pems = await generate(attrs, { ...opts, ca: { cert: ca.cert, key: ca.key } });
  return { cert: pems.cert, key: pems.private };
}

/** A leaf certificate that signs itself (no CA will ever trust it). */
export async function selfSignedCert(options: CertOptions = {}): Promise<Pem> {
  const { attrs, opts } = leafOptions(options);
  const pems = await generate(attrs, opts);
  return { cert: pems.cert, key: pems.private };
}

export interface TestCerts {
  ca: Pem;
  /** Signed by ca, valid now for localhost, 127.0.0.1 and ::1. */
  valid: Pem;
  /** Self-signed, valid now for localhost, 127.0.0.1 and ::1. */
  selfSigned: Pem;
  /** Signed by ca, expired 10 days ago. */
  expired: Pem;
  /** Signed by ca, valid now, but only for wrong.example.invalid. */
  wrongName: Pem;
}

let cached: Promise<TestCerts> | undefined;

/** The usual set, generated once per test file. */
export function testCerts(): Promise<TestCerts> {
  cached ??= (async () => {
    const ca = await createCa();
    const now = Date.now();
    const [valid, selfSigned, expired, wrongName] = await Promise.all([
      issueCert(ca),
      selfSignedCert(),
      issueCert(ca, { notBefore: new Date(now - 100 * DAY), notAfter: new Date(now - 10 * DAY) }),
      issueCert(ca, { names: ['wrong.example.invalid'] }),
    ]);
    return { ca, valid, selfSigned, expired, wrongName };
  })();
  return cached;
}
