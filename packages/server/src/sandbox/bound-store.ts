/**
 * A view of the store that serves one jurisdiction as if it were the only one:
 * the sandbox's GeoReport routes run the ordinary operations on it, so a call
 * without jurisdiction_id is about the sandbox and no other jurisdiction can be
 * named there (it answers as unknown, 404).
 */
import type { Jurisdiction, Store } from '@o311/store';

export function boundStore(store: Store, jurisdictionId: string): Store {
  const only = async (): Promise<Jurisdiction | undefined> => store.getJurisdiction(jurisdictionId);
  const overrides: Partial<Store> = {
    primaryJurisdiction: only,
    getJurisdiction: async (id: string) => (id === jurisdictionId ? only() : undefined),
    listJurisdictions: async () => [await only()].filter((j): j is Jurisdiction => j !== undefined),
  };
  return new Proxy(store, {
    get(target, prop) {
      if (typeof prop === 'string' && Object.hasOwn(overrides, prop)) return overrides[prop as keyof Store];
      const value: unknown = Reflect.get(target, prop, target);
      // Methods run on the store itself (its private fields are not on the proxy).
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
