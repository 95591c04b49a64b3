// Connecting only where target safety allows. The address checked is the address connected to: host names
// are resolved once per connection by our lookup, which drops refused addresses before net.connect sees
// them, so a name that answers "public" to a check and "127.0.0.1" to the connect (DNS rebinding) has no
// second answer to give. IP literals skip lookup in node:net, so they are checked before connecting, and
// every socket's remote address is checked again once connected.
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { buildConnector } from 'undici';
import { BlockedAddressError, type AddressPolicy } from './target-safety.js';
import type { ResolvedAddress, Resolver } from './resolver.js';

/** A node:net `lookup` that resolves through `resolver` and keeps only the addresses `policy` allows. */
export function safeLookup(resolver: Resolver, policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (answers) => {
        const wanted = options.family === 4 || options.family === 6 ? answers.filter((a) => a.family === options.family) : answers;
        const allowed: ResolvedAddress[] = [];
        let refusal: BlockedAddressError | undefined;
        for (const answer of wanted) {
          const reason = policy(answer.address);
          if (reason === undefined) allowed.push(answer);
          else refusal ??= new BlockedAddressError(answer.address, reason);
        }
        if (allowed.length === 0) {
          const err = refusal ?? Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
          callback(err, '', 4);
        } else if (options.all) {
          // node:net asks for every address when it races IPv4 and IPv6 (autoSelectFamily, on by default).
          (callback as unknown as (e: null, all: ResolvedAddress[]) => void)(null, allowed);
        } else {
          callback(null, allowed[0]!.address, allowed[0]!.family);
        }
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 4),
    );
  };
}

export function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/** What a connection turned out to be, for the response that travels on it. */
export interface ConnectionInfo {
  remoteAddress: string;
  alpn: string | null;
}

export function originKey(protocol: string, hostname: string, port: string | number): string {
  const defaultPort = protocol === 'https:' ? '443' : '80';
  return `${protocol}//${stripBrackets(hostname).toLowerCase()}:${String(port) || defaultPort}`;
}

/**
 * Wraps undici's connector with the target-safety rule and reports each connection to `onConnection`.
 * Sockets still connecting are kept in `connecting`: undici neither aborts nor closes a connection attempt
 * when its requests are aborted or its agent destroyed, so a TLS handshake that never completes would
 * otherwise hold the process open until the connect timeout.
 */
export function safeConnector(
  base: buildConnector.connector,
  policy: AddressPolicy,
  onConnection: (key: string, info: ConnectionInfo) => void,
  connecting: Set<Socket> = new Set(),
): buildConnector.connector {
  return (options, callback) => {
    const host = stripBrackets(options.hostname);
    if (isIP(host) !== 0) {
      const reason = policy(host);
      if (reason !== undefined) {
        callback(new BlockedAddressError(host, reason), null);
        return;
      }
    }
    // undici's connector returns the socket it is connecting (lib/core/connect.js), though its type says void.
    const attempt: { socket?: Socket; settled: boolean } = { settled: false };
    attempt.socket = (base as unknown as (o: typeof options, cb: buildConnector.Callback) => Socket | undefined)(options, (err, socket) => {
      attempt.settled = true;
      if (attempt.socket !== undefined) connecting.delete(attempt.socket);
      if (err !== null) {
        callback(err, null);
        return;
      }
      const remote = (socket as Socket).remoteAddress ?? '';
      const reason = policy(remote);
      if (reason !== undefined) {
        socket.destroy();
        callback(new BlockedAddressError(remote, reason), null);
        return;
      }
      const alpn = 'alpnProtocol' in socket && typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null;
      onConnection(originKey(options.protocol, options.hostname, options.port), { remoteAddress: remote, alpn });
      callback(null, socket);
    });
    if (attempt.socket !== undefined && !attempt.settled) connecting.add(attempt.socket);
  };
}
