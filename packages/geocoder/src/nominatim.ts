/**
 * A client of a Nominatim-compatible search service
 * (`/search?format=jsonv2&q=…&limit=…&viewbox=…&bounded=1&accept-language=…`):
 * a timeout, a User-Agent naming the deployment, at most one request a second
 * per client (throttle.ts), a bounded answer, no redirects followed. Whether an
 * address may be reached is the caller's rule (`checkAddress`): this package
 * makes no network policy of its own.
 */
import { GeocoderError } from './errors.js';
import { checkQuery, rank, type CandidateKind, type GeocodeCandidate, type GeocodeQuery, type Geocoder } from './geocoder.js';
import { Throttle } from './throttle.js';

export interface NominatimOptions {
  /** The service's base, e.g. https://nominatim.example/ (`search` is resolved against it). */
  baseUrl: string;
  /** Required by the service's usage policy: who is asking, e.g. "o311 (https://311.example.org)". */
  userAgent: string;
  /** Why `url` may not be fetched (a loopback or private address), or undefined when it may. */
  checkAddress: (url: URL) => Promise<string | undefined>;
  timeoutMs?: number;
  /** Between two requests' starts (default 1000). */
  minIntervalMs?: number;
  /** The longest a request waits for its turn before it is refused (default 2000). */
  maxWaitMs?: number;
  /** Bytes of an answer read at most (default 512 KiB). */
  maxBytes?: number;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Tuning = Required<Pick<NominatimOptions, 'timeoutMs' | 'minIntervalMs' | 'maxWaitMs' | 'maxBytes'>>;

const NOMINATIM_DEFAULTS: Readonly<Tuning> = { timeoutMs: 5000, minIntervalMs: 1000, maxWaitMs: 2000, maxBytes: 512 * 1024 };

interface NominatimPlace {
  lat?: unknown;
  lon?: unknown;
  display_name?: unknown;
  category?: unknown;
  type?: unknown;
  addresstype?: unknown;
  importance?: unknown;
}

function kindOf(p: NominatimPlace): CandidateKind {
  if (p.addresstype === 'house' || p.addresstype === 'building' || p.type === 'house') return 'address';
  if (p.category === 'highway' || p.addresstype === 'road') return 'street';
  return 'place';
}

/** The usable places of an answer (a place without a finite point or a name is skipped). */
function readPlaces(body: unknown): GeocodeCandidate[] {
  if (!Array.isArray(body)) throw new GeocoderError('bad-response', 'the geocoder did not answer with a list of places');
  const out: GeocodeCandidate[] = [];
  for (const p of body as NominatimPlace[]) {
    if (typeof p !== 'object' || p === null) continue;
    const lat = Number(p.lat);
    const long = Number(p.lon);
    if (typeof p.display_name !== 'string' || p.display_name === '' || !Number.isFinite(lat) || !Number.isFinite(long)) continue;
    if (Math.abs(lat) > 90 || Math.abs(long) > 180) continue;
    const importance = typeof p.importance === 'number' && Number.isFinite(p.importance) ? p.importance : 0.5;
    out.push({ label: p.display_name.slice(0, 300), lat, long, kind: kindOf(p), score: Math.max(0, Math.min(1, importance)), source: 'external' });
  }
  return out;
}

async function readBounded(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new GeocoderError('bad-response', `the geocoder's answer is larger than ${maxBytes} bytes`);
  const reader = res.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new GeocoderError('bad-response', `the geocoder's answer is larger than ${maxBytes} bytes`);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

export class NominatimGeocoder implements Geocoder {
  readonly #o: NominatimOptions & Tuning;
  readonly #throttle: Throttle;
  readonly #base: URL;

  constructor(o: NominatimOptions) {
    this.#o = { ...NOMINATIM_DEFAULTS, ...o };
    this.#base = new URL(o.baseUrl.endsWith('/') ? o.baseUrl : `${o.baseUrl}/`);
    if (this.#base.protocol !== 'https:' && this.#base.protocol !== 'http:') throw new GeocoderError('bad-query', 'the geocoder URL must be http or https');
    this.#throttle = new Throttle({ intervalMs: this.#o.minIntervalMs, maxWaitMs: this.#o.maxWaitMs, ...(o.now && { now: o.now }), ...(o.sleep && { sleep: o.sleep }) });
  }

  /** The search URL of a query. */
  searchUrl(q: GeocodeQuery): URL {
    const { text, limit } = checkQuery(q);
    const url = new URL('search', this.#base);
    url.searchParams.set('format', 'jsonv2');
    url.searchParams.set('q', text);
    url.searchParams.set('limit', String(limit));
    if (q.viewbox) {
      const v = q.viewbox;
      url.searchParams.set('viewbox', `${v.west},${v.north},${v.east},${v.south}`);
      url.searchParams.set('bounded', '1');
    }
    if (q.language) url.searchParams.set('accept-language', q.language);
    return url;
  }

  async search(q: GeocodeQuery): Promise<GeocodeCandidate[]> {
    const url = this.searchUrl(q);
    const problem = await this.#o.checkAddress(url);
    if (problem !== undefined) throw new GeocoderError('refused-address', problem);
    await this.#throttle.turn();
    const doFetch = this.#o.fetch ?? fetch;
    let text: string;
    try {
      const res = await doFetch(url, {
        headers: { 'user-agent': this.#o.userAgent, accept: 'application/json' },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#o.timeoutMs),
      });
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => undefined);
        throw new GeocoderError('bad-response', `the geocoder answered HTTP ${res.status}`);
      }
      text = await readBounded(res, this.#o.maxBytes);
    } catch (e) {
      if (e instanceof GeocoderError) throw e;
      const name = (e as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new GeocoderError('timeout', `the geocoder did not answer within ${this.#o.timeoutMs} ms`, { cause: e });
      throw new GeocoderError('connection', `the geocoder could not be reached: ${(e as Error).message}`, { cause: e });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      throw new GeocoderError('bad-response', 'the geocoder answered with something other than JSON', { cause: e });
    }
    return rank(readPlaces(body), checkQuery(q).limit);
  }
}
