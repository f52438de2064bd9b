/** Shared work of a run: each computed once, on first use, whichever check asks first. */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= compute());
}

export function memoBy<K, T>(compute: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const cache = new Map<K, Promise<T>>();
  return (key) => {
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = compute(key);
      cache.set(key, pending);
    }
    return pending;
  };
}
