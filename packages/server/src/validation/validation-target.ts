/**
 * The URL a validator run may be asked to check (issue 12): an http(s) URL of
 * bounded length without credentials, whose host is a public internet address
 * unless the server allows private endpoints (`serve --allow-private-endpoints`),
 * the CLI's rule (`o311 validate` refuses them without --allow-private). The
 * transport checks every address again when it connects (a name may resolve
 * differently later); this check gives the refusal as a sentence before a run exists.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DeadlineExceeded, withDeadline } from '@o311/router';
import { hostOf, isPrivateAddress } from '../services/outbound-address.js';

/** The longest URL accepted. */
export const MAX_TARGET_URL_LENGTH = 2000;
/** How long the host's name may take to resolve. */
const LOOKUP_TIMEOUT_MS = 3000;

export type TargetCheck = { ok: true; url: string } | { ok: false; reason: string };

/** Every address of a host name (a literal IP is itself). */
export type HostResolver = (host: string) => Promise<string[]>;

const systemResolver: HostResolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/** The URL's shape alone: http(s), bounded, no user name or password. */
export function targetShape(value: string): TargetCheck {
  const typed = value.trim();
  if (typed === '') return { ok: false, reason: 'Enter the URL of an Open311 endpoint or of its discovery document.' };
  if (typed.length > MAX_TARGET_URL_LENGTH) return { ok: false, reason: `The URL is longer than ${MAX_TARGET_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, reason: `“${typed.slice(0, 100)}” is not a URL; enter one such as https://311.example.org/open311/v2/discovery.json.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'The URL must start with http:// or https://.' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'The URL must not hold a user name or password; give an API key in its own field instead.' };
  }
  return { ok: true, url: url.href };
}

/** The shape, then the host's addresses (refused when one is not public and private targets are not allowed). */
export async function checkTarget(value: string, allowPrivate: boolean, resolve: HostResolver = systemResolver): Promise<TargetCheck> {
  const shape = targetShape(value);
  if (!shape.ok || allowPrivate) return shape;
  const host = hostOf(new URL(shape.url));
  let addresses: string[];
  try {
    addresses = isIP(host) === 0 ? await withDeadline(resolve(host), LOOKUP_TIMEOUT_MS) : [host];
  } catch (e) {
    if (e instanceof DeadlineExceeded) return { ok: false, reason: `The host ${host} could not be looked up in time; check the name and try again.` };
    return { ok: false, reason: `The host ${host} was not found; check the URL.` };
  }
  const inside = addresses.find(isPrivateAddress);
  if (inside !== undefined) {
    return {
      ok: false,
      reason: `${host} is a loopback, private or link-local address (${inside}), which this server does not check; run o311 validate --allow-private on your own network instead.`,
    };
  }
  return shape;
}
