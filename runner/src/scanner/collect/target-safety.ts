// Which addresses a scan may connect to (SPEC §5 "Target safety"). A scanner that fetches any URL a user
// names is a server-side request forgery tool unless it refuses the scanning host's own network: loopback,
// private ranges, link-local (where cloud metadata services live) and every other range that is not
// public unicast. The decision is made on the address actually connected to (see safe-connect.ts).
import ipaddr from 'ipaddr.js';

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unique-local'
  | 'shared'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

const LABELS: Record<AddressKind, string> = {
  public: 'public address',
  loopback: 'loopback address',
  private: 'private address',
  'link-local': 'link-local address',
  metadata: 'cloud metadata address',
  'unique-local': 'unique local address',
  shared: 'carrier-grade NAT address',
  unspecified: 'unspecified address',
  multicast: 'multicast address',
  broadcast: 'broadcast address',
  reserved: 'reserved address',
  invalid: 'not an IP address',
};

/** Where an IPv4 range of ipaddr.js lands. as112 and amt are public anycast services, so they stay public. */
const IPV4_KINDS: Record<string, AddressKind> = {
  unicast: 'public',
  as112: 'public',
  amt: 'public',
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
};

const IPV6_KINDS: Record<string, AddressKind> = {
  loopback: 'loopback',
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
  // fec0::/10 was the private range before fc00::/7 (RFC 3879 deprecated it, some stacks still route it).
  deprecatedSiteLocal: 'private',
};

/** The metadata endpoint of AWS, GCP, Azure and most clouds (169.254.169.254) and AWS's IPv6 one. */
const METADATA = new Set(['169.254.169.254', 'fd00:ec2::254']);

// Global unicast IPv6 is 2000::/3 (RFC 4291 §2.4); anything outside it is not a public web server.
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

export interface AddressClass {
  kind: AddressKind;
  /** Human words for the kind, e.g. "loopback address". */
  label: string;
}

function ofKind(kind: AddressKind): AddressClass {
  return { kind, label: LABELS[kind] };
}

function classifyV4(ip: ipaddr.IPv4): AddressClass {
  if (METADATA.has(ip.toString())) return ofKind('metadata');
  return ofKind(IPV4_KINDS[ip.range()] ?? 'reserved');
}

/** IPv6 forms that carry an IPv4 address a packet may end up at: mapped, NAT64 and 6to4. */
function embeddedV4(ip: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const range = ip.range();
  const parts = ip.parts;
  // 64:ff9b::/96 only; the local-use 64:ff9b:1::/48 embeds differently and falls to 'reserved'.
  const wellKnownNat64 = range === 'rfc6052' && parts[2] === 0 && parts.slice(3, 6).every((p) => p === 0);
  if (range === 'ipv4Mapped' || range === 'rfc6145' || wellKnownNat64) {
    return new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);
  }
  if (range === '6to4') {
    return new ipaddr.IPv4([parts[1]! >> 8, parts[1]! & 0xff, parts[2]! >> 8, parts[2]! & 0xff]);
  }
  // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1); :: and ::1 are handled by range().
  if (parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7]! > 1)) {
    return new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);
  }
  return undefined;
}

/** What kind of address `address` is (an IPv4 or IPv6 literal, brackets and zone allowed). */
export function classifyAddress(address: string): AddressClass {
  const literal = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(literal)) return ofKind('invalid');
  const ip = ipaddr.parse(literal);
  if (ip.kind() === 'ipv4') return classifyV4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  if (METADATA.has(v6.toString())) return ofKind('metadata');
  const v4 = embeddedV4(v6);
  if (v4) return classifyV4(v4);
  const known = IPV6_KINDS[v6.range()];
  if (known) return ofKind(known);
  return ofKind(v6.match(GLOBAL_UNICAST) && v6.range() === 'unicast' ? 'public' : 'reserved');
}

/**
 * Why a connection to `address` must be refused, or undefined when it may go ahead.
 * Everything that is not public is refused unless private targets are allowed (RUNNER_ALLOW_PRIVATE_TARGETS).
 */
export function refusalReason(address: string, allowPrivateTargets: boolean): string | undefined {
  const { kind, label } = classifyAddress(address);
  if (kind === 'public') return undefined;
  if (kind === 'invalid') return `Refused to connect to ${address}: not an IP address`;
  if (allowPrivateTargets) return undefined;
  return `Refused to connect to ${address} (${label}): private targets are not allowed`;
}

/** A connection refused by the target-safety rule; the fetcher reports it as BLOCKED_ADDRESS. */
export class BlockedAddressError extends Error {
  readonly code = 'ERR_BLOCKED_ADDRESS';
  constructor(
    readonly address: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlockedAddressError';
  }
}

/** Decides per address; a test can substitute its own to stand a loopback address in for a public one. */
export type AddressPolicy = (address: string) => string | undefined;

export function addressPolicy(allowPrivateTargets: boolean): AddressPolicy {
  return (address) => refusalReason(address, allowPrivateTargets);
}
