/**
 * DNS resolution with the network guard inside it. Node connects to the address the
 * `lookup` option hands back, so checking there means the address checked is the
 * address connected to: a host cannot resolve to a public address for the check and
 * to a private one for the connection (DNS rebinding).
 */
import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

export type AddressFamily = 0 | 4 | 6;

/** Every address `hostname` resolves to (of `family`, or any when 0). */
export type Resolver = (hostname: string, family: AddressFamily) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname, family) => dns.lookup(hostname, { all: true, family });

const familyOf = (option: LookupOptions['family']): AddressFamily => {
  if (option === 4 || option === 'IPv4') return 4;
  if (option === 6 || option === 'IPv6') return 6;
  return 0;
};

/**
 * A `lookup` for http.request that resolves with `resolve` and passes every address to
 * `check`, which throws to refuse. All addresses are checked, not only the first: with
 * family auto-selection Node may try any of them.
 */
export function guardedLookup(resolve: Resolver, check: (address: string) => void): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, familyOf(options.family))
      .then((addresses) => {
        const first = addresses[0];
        if (first === undefined) {
          const err: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          err.code = 'ENOTFOUND';
          throw err;
        }
        for (const a of addresses) check(a.address);
        if (options.all === true) callback(null, addresses);
        else callback(null, first.address, first.family);
      })
      .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), ''));
  };
}
