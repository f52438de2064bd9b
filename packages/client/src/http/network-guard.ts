/**
 * Which addresses the client may connect to. A city's endpoint lives on the public
 * internet, so only global unicast addresses pass: loopback, private networks, link-local
 * (cloud metadata at 169.254.169.254), CGNAT, unique-local, multicast, documentation and
 * other special blocks are refused unless the caller opts in with `allowPrivate`.
 * IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4, Teredo) are judged by
 * the IPv4 address they lead to.
 */
import ipaddr from 'ipaddr.js';
import { NetworkError } from '../errors.js';

export interface AddressVerdict {
  public: boolean;
  /** The ipaddr.js range (`loopback`, `private`, `uniqueLocal`, `unicast`…), `via:range` for an embedded
   *  IPv4, `nonGlobal` for IPv6 unicast outside 2000::/3, or `invalid`. */
  range: string;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** IANA's global unicast block; addresses outside it (e.g. IPv4-compatible `::a.b.c.d`) are not routable. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
/** The well-known NAT64 prefix; the local-use 64:ff9b:1::/48 stays non-public. */
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

const v4 = (high: number, low: number): ipaddr.IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/** The IPv4 address an IPv6 address leads to, when it is one of the embedding forms. */
function embeddedIPv4(addr: ipaddr.IPv6): { via: string; address: ipaddr.IPv4 } | undefined {
  const p = addr.parts;
  const range = addr.range();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return { via: range, address: v4(p[6] ?? 0, p[7] ?? 0) };
    case 'rfc6052':
      return addr.match(NAT64_WELL_KNOWN) ? { via: range, address: v4(p[6] ?? 0, p[7] ?? 0) } : undefined;
    case '6to4':
      return { via: range, address: v4(p[1] ?? 0, p[2] ?? 0) };
    case 'teredo':
      // The client's address is stored with every bit inverted (RFC 4380 §4).
      return { via: range, address: v4(~(p[6] ?? 0) & 0xffff, ~(p[7] ?? 0) & 0xffff) };
    default:
      return undefined;
  }
}

function judge(addr: Address): AddressVerdict {
  if (addr.kind() === 'ipv4') {
    const range = addr.range();
    return { public: range === 'unicast', range };
  }
  const v6 = addr as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded !== undefined) {
    const inner = judge(embedded.address);
    return { public: inner.public, range: `${embedded.via}:${inner.range}` };
  }
  const range = v6.range();
  if (range !== 'unicast') return { public: false, range };
  return v6.match(GLOBAL_UNICAST_V6) ? { public: true, range } : { public: false, range: 'nonGlobal' };
}

/** Classifies a literal IPv4 or IPv6 address (an IPv6 zone id such as `%eth0` is allowed). */
export function classifyAddress(ip: string): AddressVerdict {
  const literal = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(literal)) return { public: false, range: 'invalid' };
  return judge(ipaddr.parse(literal));
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip).public;
}

/**
 * Throws {@link NetworkError} `private-address` unless `address` (what `url`'s host
 * resolved to, or its literal IP) is public.
 */
export function assertPublicTarget(url: string, address: string): void {
  const verdict = classifyAddress(address);
  if (verdict.public) return;
  let host = address;
  try {
    host = new URL(url).hostname;
  } catch {
    // keep the address
  }
  const where = host === address ? address : `${host} (${address})`;
  throw new NetworkError(
    'private-address',
    url,
    `Refusing to connect to ${where}: not a public internet address (${verdict.range}). ` +
      'To reach a local or private server on purpose, pass allowPrivate: true (CLI: --allow-private).',
  );
}
