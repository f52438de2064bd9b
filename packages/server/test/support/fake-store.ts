/**
 * A small in-memory stand-in for the parts of `Store` the service unit tests
 * touch. Anything else throws, so a test notices when a service starts using
 * more of the store than it expects. (Test support.)
 */
import type { ApiKey, Jurisdiction, RequestEvent, Store, StoredRequest } from '@o311/store';

export interface FakeData {
  /** The first one is primary, as the first one saved is in a real store, unless `primary` says otherwise. */
  jurisdictions?: Jurisdiction[];
  primary?: string;
  requests?: StoredRequest[];
  events?: RequestEvent[];
  apiKeys?: { secret: string; key: ApiKey }[];
}

export interface FakeStore {
  store: Store;
  calls: string[];
}

export function fakeStore(data: FakeData, overrides: Partial<Store> = {}): FakeStore {
  const calls: string[] = [];
  const impl: Partial<Store> = {
    listJurisdictions: async () => data.jurisdictions ?? [],
    getJurisdiction: async (id) => data.jurisdictions?.find((j) => j.id === id),
    primaryJurisdiction: async () => data.jurisdictions?.find((j) => j.id === (data.primary ?? data.jurisdictions?.[0]?.id)),
    findApiKey: async (secret) => data.apiKeys?.find((k) => k.secret === secret)?.key,
    listRequests: async (f) => (data.requests ?? []).filter((r) => r.jurisdiction_id === f.jurisdiction_id).slice(f.offset, f.offset + f.limit),
    listPublicRequests: async (f) => (data.requests ?? []).filter((r) => r.jurisdiction_id === f.jurisdiction_id).slice(f.offset, f.offset + f.limit),
    getPublicRequest: async (jurisdiction_id, id) => (data.requests ?? []).find((r) => r.jurisdiction_id === jurisdiction_id && r.id === id),
    countRequests: async (f) => (data.requests ?? []).filter((r) => r.jurisdiction_id === f.jurisdiction_id).length,
    listEventsFor: async (ids) => new Map(ids.map((id) => [id, (data.events ?? []).filter((e) => e.request_id === id)])),
    ...overrides,
  };
  const store = new Proxy(impl, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      const f = target[prop as keyof Store];
      if (typeof f !== 'function') throw new Error(`fake store has no ${prop}`);
      return (...args: unknown[]) => {
        calls.push(prop);
        return (f as (...a: unknown[]) => unknown)(...args);
      };
    },
  }) as Store;
  return { store, calls };
}
