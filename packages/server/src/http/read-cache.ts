/**
 * A cache of encoded GET answers, so that a popular list (the default
 * `requests.json`) is queried and encoded once, not once per client.
 *
 * An entry is served only while the store's data version is the one it was
 * built under, and for at most `ttlMs`: answers without explicit dates depend on
 * the clock (the 90-day window moves), so they may be that much stale at most.
 * The version is read before the query runs, so an entry can never hold data
 * older than its version. Bounded by total bytes; least recently used goes first.
 */
import { createHash } from 'node:crypto';

export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  headers: Readonly<Record<string, string>>;
  etag: string;
}

interface Entry {
  answer: CachedAnswer;
  version: string;
  expires: number;
}

export interface ReadCacheOptions {
  maxBytes: number;
  ttlMs: number;
  now?: () => number;
}

/**
 * The key of a cached GET answer: the origin its links point to and its URL
 * (canonical path and query string as sent), which names the route and the
 * format. Whatever else an answer depends on moves the data version on.
 */
export const answerKey = (origin: string, url: string): string => `${origin} ${url}`;

export class ReadCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxBytes: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #bytes = 0;

  constructor(options: ReadCacheOptions) {
    this.#maxBytes = options.maxBytes;
    this.#ttlMs = options.ttlMs;
    this.#now = options.now ?? Date.now;
  }

  get(key: string, version: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || entry.expires <= this.#now()) {
      this.#delete(key, entry);
      return undefined;
    }
    // Re-insert to mark it most recently used (Map keeps insertion order).
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.answer;
  }

  /** Whether an entry is kept for `key`, current or not (a hint only: `get` decides). */
  has(key: string): boolean {
    return this.#entries.has(key);
  }

  set(key: string, version: string, body: string, contentType: string, headers: Record<string, string>): CachedAnswer {
    const bytes = Buffer.from(body, 'utf8');
    const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
    const answer: CachedAnswer = { body: bytes, contentType, headers, etag };
    if (bytes.length > this.#maxBytes / 4) return answer;
    const old = this.#entries.get(key);
    if (old) this.#delete(key, old);
    this.#entries.set(key, { answer, version, expires: this.#now() + this.#ttlMs });
    this.#bytes += bytes.length;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#delete(k, e);
    }
    return answer;
  }

  get size(): number {
    return this.#entries.size;
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.answer.body.length;
  }
}
