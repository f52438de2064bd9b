/** Which URLs the transport will send to: absolute http: or https: only. */
import { isIP } from 'node:net';
import { NetworkError } from '../errors.js';

/** Parses `url` (relative to `base` for a redirect's Location); NetworkError `bad-url` otherwise. */
export function parseTarget(url: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch (cause) {
    throw new NetworkError('bad-url', url, `Not a valid URL: ${JSON.stringify(url)}`, { cause });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new NetworkError('bad-url', parsed.href, `Only http: and https: URLs can be fetched, not ${parsed.protocol} (${parsed.href})`);
  }
  return parsed;
}

/** The host as an IP address when it is one (Node connects to those without any lookup). */
export function literalAddress(url: URL): string | undefined {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) === 0 ? undefined : host;
}
