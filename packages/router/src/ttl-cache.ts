/**
 * A bounded cache of asynchronous reads: each key is read once at a time
 * (callers asking while a read runs share it), a value is kept for `ttlMs`,
 * a failure for `failureTtlMs` (so a broken upstream is not asked by every
 * caller), and past `maxEntries` the least recently used key goes first.
 */

export interface TtlCacheOptions {
  ttlMs: number;
  /** 0: failures are not kept. */
  failureTtlMs: number;
  maxEntries: number;
  now?: () => number;
}

interface Entry<V> {
  /** Settles with the read; kept while it runs, then until `expires`. */
  promise: Promise<V>;
  /** Epoch ms; Infinity while the read runs. */
  expires: number;
}

export class TtlCache<K, V> {
  readonly #entries = new Map<K, Entry<V>>();
  readonly #o: Required<TtlCacheOptions>;

  constructor(o: TtlCacheOptions) {
    this.#o = { now: Date.now, ...o };
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The kept answer for `key`, else `read()`'s, kept for next time. */
  get(key: K, read: () => Promise<V>): Promise<V> {
    const now = this.#o.now();
    const found = this.#entries.get(key);
    this.#entries.delete(key);
    if (found !== undefined && found.expires > now) {
      this.#entries.set(key, found); // most recently used last
      return found.promise;
    }
    const entry: Entry<V> = { promise: read(), expires: Infinity };
    this.#entries.set(key, entry);
    entry.promise.then(
      () => this.#settled(key, entry, this.#o.ttlMs),
      () => this.#settled(key, entry, this.#o.failureTtlMs),
    );
    if (this.#entries.size > this.#o.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.promise;
  }

  #settled(key: K, entry: Entry<V>, keepMs: number): void {
    if (this.#entries.get(key) !== entry) return;
    if (keepMs <= 0) this.#entries.delete(key);
    else entry.expires = this.#o.now() + keepMs;
  }
}
