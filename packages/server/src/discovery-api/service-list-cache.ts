/**
 * Remote endpoints' service lists, kept like LoST mappings (RFC 5222): each
 * list is reused until its `expires` time; after that the stale list is still
 * answered at once while one refresh runs in the background. A failed fetch is
 * remembered for a shorter time, so an unreachable endpoint neither slows
 * every lookup nor is asked again by each; a failed refresh keeps the last
 * list known beside the error. Lists are kept per endpoint and locale (the
 * federated endpoint's `locale`, a short tag): one language never answers for another.
 */
import type { Service } from '@o311/georeport';
import type { LocaleTag } from '@o311/router';
import type { Endpoint } from '@o311/store';

export interface ServiceListResult {
  /** Absent when no list was ever had. */
  services?: Service[];
  /** Epoch ms until which the list may be reused. */
  expires: number;
  /** Why the last fetch failed. */
  error?: string;
}

/** The endpoint's list, asked in `locale` when one is given (the upstream may ignore it). */
export type ServiceListFetcher = (endpoint: Endpoint, locale?: LocaleTag) => Promise<Service[]>;

export interface ServiceListCacheOptions {
  fetch: ServiceListFetcher;
  /** How long a fetched list is fresh; default one hour. */
  ttlMs?: number;
  /** How long a failure stands before the endpoint is asked again; default one minute. */
  failureTtlMs?: number;
  /** Most lists remembered, one per endpoint and locale (the oldest goes first); default 10,000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  /** What the list depends on: asked again when the endpoint's address changes. */
  identity: string;
  current?: ServiceListResult;
  /** Epoch ms after which a failed fetch is tried again. */
  retryAt: number;
  refreshing?: Promise<ServiceListResult>;
}

export const DEFAULT_SERVICES_TTL_MS = 60 * 60 * 1000;
const DEFAULT_FAILURE_TTL_MS = 60 * 1000;

const identityOf = (e: Endpoint): string => JSON.stringify([e.base_url, e.jurisdiction_id, e.quirks, e.formats]);

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class ServiceListCache {
  readonly #entries = new Map<string, Entry>();
  readonly #fetch: ServiceListFetcher;
  readonly #ttlMs: number;
  readonly #failureTtlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(o: ServiceListCacheOptions) {
    this.#fetch = o.fetch;
    this.#ttlMs = o.ttlMs ?? DEFAULT_SERVICES_TTL_MS;
    this.#failureTtlMs = o.failureTtlMs ?? DEFAULT_FAILURE_TTL_MS;
    this.#maxEntries = o.maxEntries ?? 10_000;
    this.#now = o.now ?? Date.now;
  }

  /**
   * The endpoint's list in `locale` (none: as it publishes it): fresh, stale (a refresh started), or
   * fetched now when none is known. Never rejects.
   */
  async get(endpoint: Endpoint, locale?: LocaleTag): Promise<ServiceListResult> {
    const entry = this.#entry(endpoint, locale);
    const current = entry.current;
    if (current === undefined) return (entry.refreshing ??= this.#refresh(entry, endpoint, locale));
    const freshUntil = current.error === undefined ? current.expires : entry.retryAt;
    if (this.#now() >= freshUntil) entry.refreshing ??= this.#refresh(entry, endpoint, locale);
    return current;
  }

  /** Resolves when no refresh is running (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#entries.values()].map((e) => e.refreshing));
  }

  #entry(endpoint: Endpoint, locale: LocaleTag | undefined): Entry {
    const identity = identityOf(endpoint);
    // Slugs and tags hold no space.
    const key = locale === undefined ? endpoint.slug : `${endpoint.slug} ${locale}`;
    let entry = this.#entries.get(key);
    if (entry?.identity !== identity) {
      entry = { identity, retryAt: 0 };
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    }
    return entry;
  }

  async #refresh(entry: Entry, endpoint: Endpoint, locale: LocaleTag | undefined): Promise<ServiceListResult> {
    let result: ServiceListResult;
    try {
      const services = await this.#fetch(endpoint, locale);
      result = { services, expires: this.#now() + this.#ttlMs };
    } catch (err) {
      const now = this.#now();
      const known = entry.current?.services;
      entry.retryAt = now + this.#failureTtlMs;
      result = known === undefined
        ? { expires: entry.retryAt, error: messageOf(err) }
        : { services: known, expires: entry.current!.expires, error: messageOf(err) };
    }
    entry.current = result;
    entry.refreshing = undefined;
    return result;
  }
}
