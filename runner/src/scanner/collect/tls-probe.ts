// The facts about a site's TLS, from real handshakes with node:tls: one as a browser would make it (trust,
// name, dates, key, protocol, ALPN) and one limited to each legacy version (TLS 1.0, TLS 1.1).
import { isIP } from 'node:net';
import tls, { type ConnectionOptions, type DetailedPeerCertificate, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { TlsFacts } from '../types.js';
import { systemResolver, type Resolver } from './resolver.js';
import { safeLookup } from './safe-connect.js';
import type { Semaphore } from './semaphore.js';
import { addressPolicy, BlockedAddressError, type AddressPolicy } from './target-safety.js';

export const TLS_PROBE_TIMEOUT_MS = 5_000;

const DAY_MS = 86_400_000;

export interface TlsProbeOptions {
  /** Extra trusted CA certificates (PEM), added to Node's bundled roots. */
  ca?: string[];
  allowPrivateTargets?: boolean;
  /** Which addresses may be connected to; defaults to the target-safety rule for allowPrivateTargets. */
  policy?: AddressPolicy;
  resolver?: Resolver;
  /** Each handshake's budget, connection included. */
  timeoutMs?: number;
  /** Epoch milliseconds that daysLeft counts from (default: now). */
  now?: number;
  /** Shared with the fetcher so handshakes count against the scan's concurrency limit. */
  limit?: Semaphore;
  signal?: AbortSignal;
}

interface Handshake {
  socket?: TLSSocket;
  /** Why no handshake completed. */
  error?: Error & { code?: string };
}

class HandshakeTimeout extends Error {
  readonly code = 'ERR_HANDSHAKE_TIMEOUT';
}

/** Connects, runs `inspect` on the established socket, and always closes it again. */
function handshake<T>(host: string, port: number, options: ConnectionOptions, probe: Required<Pick<TlsProbeOptions, 'policy' | 'resolver' | 'timeoutMs'>> & { signal?: AbortSignal }, inspect: (socket: TLSSocket) => T): Promise<Handshake & { value?: T }> {
  return new Promise((resolve) => {
    const literal = isIP(host) !== 0;
    if (literal) {
      const reason = probe.policy(host);
      if (reason !== undefined) return resolve({ error: new BlockedAddressError(host, reason) });
    }
    let settled = false;
    const socket = tls.connect({
      host,
      port,
      // RFC 6066 §3: SNI carries host names only, never IP addresses.
      ...(literal ? {} : { servername: host }),
      lookup: safeLookup(probe.resolver, probe.policy),
      rejectUnauthorized: false,
      ...options,
    });
    const finish = (result: Handshake & { value?: T }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      probe.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish({ error: probe.signal!.reason as Error });
    const timer = setTimeout(() => finish({ error: new HandshakeTimeout(`no handshake within ${probe.timeoutMs / 1000} s`) }), probe.timeoutMs);
    probe.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const remote = socket.remoteAddress ?? '';
      const reason = probe.policy(remote);
      if (reason !== undefined) return finish({ error: new BlockedAddressError(remote, reason) });
      try {
        finish({ socket, value: inspect(socket) });
      } catch (err) {
        finish({ error: err as Error });
      }
    });
    socket.once('error', (error: Error) => finish({ error }));
    socket.once('close', () => finish({ error: Object.assign(new Error('connection closed during the handshake'), { code: 'ECONNRESET' }) }));
  });
}

/** "CN=example.com, O=Example" from node's parsed subject or issuer. */
function distinguishedName(name: Record<string, string | string[]> | undefined): string | undefined {
  if (!name) return undefined;
  const parts = Object.entries(name).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${v}`));
  return parts.length === 0 ? undefined : parts.join(', ');
}

function splitAltNames(value: string | undefined): string[] {
  return value ? value.split(/,\s*/).filter((s) => s !== '') : [];
}

function asDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Network trouble means the probe could not tell; a TLS-level refusal (alert, reset mid-handshake) means no. */
function legacyVerdict(result: Handshake): boolean | null {
  if (result.socket) return true;
  const code = result.error?.code ?? '';
  if (code.startsWith('ERR_SSL_') || code === 'ECONNRESET' || code === 'EPIPE') return false;
  return null;
}

function describe(error: Error & { code?: string }, where: string): string {
  if (error instanceof BlockedAddressError) return error.message;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return `DNS lookup failed for ${where.replace(/:\d+$/, '')}`;
  if (error.code === 'ECONNREFUSED') return `Connection refused by ${where}`;
  return `TLS handshake with ${where} failed: ${error.message}`;
}

interface MainFacts {
  trusted: boolean;
  trustError?: string;
  cert: DetailedPeerCertificate | PeerCertificate;
  protocol?: string;
  alpn: string | null;
}

/** Probes `host:port`; never rejects (a site with no working TLS gets facts with `error`). */
export async function probeTls(host: string, port: number, options: TlsProbeOptions = {}): Promise<TlsFacts> {
  const bare = host.replace(/^\[|\]$/g, '');
  const probe = {
    policy: options.policy ?? addressPolicy(options.allowPrivateTargets ?? false),
    resolver: options.resolver ?? systemResolver,
    timeoutMs: options.timeoutMs ?? TLS_PROBE_TIMEOUT_MS,
    signal: options.signal,
  };
  const limited = async <T>(run: () => Promise<T>): Promise<T> => (options.limit ? options.limit.run(run, options.signal) : run());
  const where = `${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
  const main = await limited(() =>
    handshake(
      bare,
      port,
      {
        ALPNProtocols: ['h2', 'http/1.1'],
        // `ca` replaces Node's roots, so the extra CAs are added to them rather than given alone.
        ...(options.ca && options.ca.length > 0 ? { ca: [...tls.rootCertificates, ...options.ca] } : {}),
      },
      probe,
      (socket): MainFacts => {
        // Node reports a name mismatch through authorizationError only once the chain verified, so that
        // code means "trusted chain, other name"; the name is judged on its own below (hostnameMatches).
        const reason = socket.authorizationError ? String(socket.authorizationError) : undefined;
        const nameOnly = reason === 'ERR_TLS_CERT_ALTNAME_INVALID';
        return {
          trusted: socket.authorized || nameOnly,
          trustError: nameOnly ? undefined : reason,
          cert: socket.getPeerCertificate(),
          protocol: socket.getProtocol() ?? undefined,
          alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
        };
      },
    ),
  );
  if (options.signal?.aborted) throw options.signal.reason;
  if (!main.value) {
    return {
      host: bare,
      port,
      trusted: false,
      hostnameMatches: false,
      subjectAltNames: [],
      alpn: null,
      legacy: { tls10: null, tls11: null },
      error: describe(main.error ?? new Error('no handshake'), where),
    };
  }

  // OpenSSL 3 refuses TLS 1.0/1.1 at its default security level on the client side, so a probe without
  // SECLEVEL=0 would report every server as safe (TOOLCHAIN.md "Probing legacy TLS").
  const legacy = (version: 'TLSv1' | 'TLSv1.1') =>
    limited(() => handshake(bare, port, { minVersion: version, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' }, probe, () => true));
  const [tls10, tls11] = await Promise.all([legacy('TLSv1'), legacy('TLSv1.1')]);
  if (options.signal?.aborted) throw options.signal.reason;

  const { cert } = main.value;
  const validTo = asDate(cert.valid_to);
  const validFrom = asDate(cert.valid_from);
  const now = options.now ?? Date.now();
  return {
    host: bare,
    port,
    trusted: main.value.trusted,
    ...(main.value.trustError ? { trustError: main.value.trustError } : {}),
    hostnameMatches: tls.checkServerIdentity(bare, cert) === undefined,
    subject: distinguishedName(cert.subject as unknown as Record<string, string | string[]>),
    issuer: distinguishedName(cert.issuer as unknown as Record<string, string | string[]>),
    subjectAltNames: splitAltNames(cert.subjectaltname),
    validFrom: validFrom?.toUTCString(),
    validTo: validTo?.toUTCString(),
    daysLeft: validTo ? Math.floor((validTo.getTime() - now) / DAY_MS) : undefined,
    keyBits: cert.bits,
    protocol: main.value.protocol,
    alpn: main.value.alpn,
    legacy: { tls10: legacyVerdict(tls10), tls11: legacyVerdict(tls11) },
  };
}
