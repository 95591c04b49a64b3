// Name resolution for the scanner, injectable so tests can play DNS (rebinding included) without a network.
import { promises as dns } from 'node:dns';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses; rejects with an ENOTFOUND-style error when there are none. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export function notFound(hostname: string): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  err.code = 'ENOTFOUND';
  err.syscall = 'getaddrinfo';
  return err;
}

/**
 * The system resolver, except that `.invalid` names fail without a query: RFC 6761 §6.4 guarantees they
 * never exist, so asking a DNS server would only leak the name.
 */
export const systemResolver: Resolver = async (hostname) => {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'invalid' || name.endsWith('.invalid')) throw notFound(hostname);
  const answers = await dns.lookup(name, { all: true, verbatim: true });
  if (answers.length === 0) throw notFound(hostname);
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};
