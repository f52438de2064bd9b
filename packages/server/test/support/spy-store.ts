/** A store proxy that counts calls per method and can make chosen methods fail. */
import type { Store } from '@o311/store';

export interface SpyStore {
  store: Store;
  calls: Map<string, number>;
  reset(): void;
  failing: Set<string>;
}

export function spyStore(target: Store): SpyStore {
  const calls = new Map<string, number>();
  const failing = new Set<string>();
  const store = new Proxy(target, {
    get(t, prop, receiver) {
      const value: unknown = Reflect.get(t, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.set(prop, (calls.get(prop) ?? 0) + 1);
        if (failing.has(prop)) return Promise.reject(new Error(`database exploded in ${prop} at /srv/secret/db.sqlite`));
        return (value as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
  return { store, calls, failing, reset: () => calls.clear() };
}
