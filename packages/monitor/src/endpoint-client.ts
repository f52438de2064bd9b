/**
 * The client SDK for a poll target: its format (JSON when offered, else XML,
 * which the spec requires), jurisdiction and quirk profile, no retries (a poll
 * is one attempt; the next poll is the retry). A discovery URL is resolved to
 * the GeoReport endpoint it names by the client's own discovery reading, and
 * the answer kept a while, so that a poll costs one call, not two.
 */
import { createTransport, findProfile, isDiscoveryUrl, Open311Client, preferredFormat, type ClientOptions, type Transport } from '@o311/client';
import type { Format } from '@o311/georeport';
import type { PollOptions } from './poll-options.js';
import type { PollTarget } from './poll-target.js';

/** How long a discovery document's answer is trusted; failures are not kept (the next poll asks again). */
export const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** Discovery answers kept at most (least recently used go first). */
const MAX_DISCOVERY_ENTRIES = 10_000;

interface Resolved {
  baseUrl: string;
  format: Format;
}

interface Entry {
  promise: Promise<Resolved>;
  /** Epoch ms; Infinity while the read runs. */
  expires: number;
}

const discoveries = new Map<string, Entry>();

let sharedTransport: Transport | undefined;

function transportOf(options: PollOptions): Transport {
  const transport = options.transport ?? (sharedTransport ??= createTransport());
  const { maxBytes } = options;
  return maxBytes === undefined ? transport : (request, o) => transport(request, { ...o, maxBytes });
}

/** The endpoint a discovery document names, kept for DISCOVERY_TTL_MS; callers asking meanwhile share one read. */
function resolveDiscovery(url: string, settings: Omit<ClientOptions, 'baseUrl'>, now: number): Promise<Resolved> {
  const found = discoveries.get(url);
  discoveries.delete(url);
  if (found !== undefined && found.expires > now) {
    discoveries.set(url, found);
    return found.promise;
  }
  const entry: Entry = {
    promise: Open311Client.fromDiscovery(url, settings).then((c) => ({
      baseUrl: c.options.baseUrl,
      format: c.options.format ?? 'json',
    })),
    expires: Infinity,
  };
  discoveries.set(url, entry);
  entry.promise.then(
    () => {
      entry.expires = now + DISCOVERY_TTL_MS;
    },
    () => {
      if (discoveries.get(url) === entry) discoveries.delete(url);
    },
  );
  if (discoveries.size > MAX_DISCOVERY_ENTRIES) discoveries.delete(discoveries.keys().next().value!);
  return entry.promise;
}

/** Forgets every kept discovery answer (tests). */
export function forgetDiscoveries(): void {
  discoveries.clear();
}

/** Rejects as the client does (NetworkError, Open311Error, ResponseReadError) when the target cannot be reached or read. */
export async function clientFor(target: PollTarget, options: PollOptions): Promise<Open311Client> {
  const profile = findProfile(target.quirks);
  const settings: Omit<ClientOptions, 'baseUrl'> = {
    ...(target.jurisdictionId !== null && { jurisdictionId: target.jurisdictionId }),
    ...(profile !== undefined && { profile }),
    allowPrivate: options.allowPrivate,
    timeoutMs: options.timeoutMs,
    retries: 0,
    transport: transportOf(options),
  };
  if (!isDiscoveryUrl(target.url)) return new Open311Client({ ...settings, baseUrl: target.url, format: preferredFormat(target.formats) });
  const named = await resolveDiscovery(target.url, {
    ...settings,
    ...(target.formats.length > 0 && { format: preferredFormat(target.formats) }),
  }, options.now());
  return new Open311Client({ ...settings, baseUrl: named.baseUrl, format: named.format });
}
