/**
 * The GeoReport v2 client: one method per operation of the standard (plus mySociety's
 * updates), each answer read tolerantly with its warnings and the exchange it came from.
 * GETs are retried (retry.ts); POSTs never are.
 */
import {
  formatIdempotencyKey, IDEMPOTENCY_KEY_HEADER, type Discovery, type DiscoveryEndpoint, type Format, type RequestReceipt,
  type RequestUpdate, type Service, type ServiceDefinition,
} from '@o311/georeport';
import { NetworkError, Open311Error, ResponseReadError } from './errors.js';
import { submissionFields } from './form.js';
import type { Exchange, HttpRequest, Transport, TransportOptions } from './http/exchange.js';
import { parseTarget } from './http/target.js';
import { createTransport } from './http/transport.js';
import type { ClientRequest, ReadOptions } from './model.js';
import { multipartBody, type MediaFile } from './multipart.js';
import { sweepRequests } from './paging.js';
import { buildQuery, encodePairs, type DateStyle, type Params } from './query.js';
import { DEFAULT_MAX_RESULTS, type QuirkProfile } from './quirks.js';
import {
  ReadError, readDiscovery, readReceipts, readRequests, readServiceDefinition, readServices, readUpdates,
} from './read/index.js';
import { sendWithRetries } from './retry.js';
import { pollForRequestId } from './tokens.js';
import type { Read, ReadWarning } from './warnings.js';

export type { MediaFile } from './multipart.js';

export interface ClientOptions {
  /** The GeoReport v2 endpoint, e.g. https://city.example/open311/v2/ */
  baseUrl: string;
  /** Default 'json'. */
  format?: Format;
  jurisdictionId?: string;
  apiKey?: string;
  profile?: QuirkProfile;
  /** Per call, default 20 000. */
  timeoutMs?: number;
  /** For idempotent calls (GET) on network errors, 429 and 5xx; default 2. */
  retries?: number;
  allowPrivate?: boolean;
  /** Default createTransport({ allowPrivate, timeoutMs }). */
  transport?: Transport;
}

export interface Answer<T> {
  data: T;
  warnings: ReadWarning[];
  exchange: Exchange;
}

export interface RequestsQuery {
  service_request_id?: string | string[];
  service_code?: string | string[];
  start_date?: Date | string;
  end_date?: Date | string;
  status?: string | string[];
  page?: number;
  page_size?: number;
  extensions?: boolean;
  locale?: string;
  lat?: number;
  long?: number;
  radius?: number;
  updated_after?: Date | string;
  updated_before?: Date | string;
}

export interface Submission {
  service_code: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  attributes?: Record<string, string | string[]>;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  /** Sent as multipart/form-data (`media` parts) instead of urlencoded. */
  media?: MediaFile[];
}

export interface SubmitOptions {
  /**
   * Sent as the `Idempotency-Key` header (a quoted String; 1 to 255 printable ASCII characters, else
   * RangeError). Only servers that honour it (profile flag `idempotencyKeys`) dedupe by it.
   */
  idempotencyKey?: string;
}

export interface DiscoveryOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Which endpoint to use; default production, else any GeoReport v2 endpoint. */
  type?: 'production' | 'test';
}

type Reader<T> = (body: string, format: Format, options?: ReadOptions) => Read<T>;

const FORM_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
const GEOREPORT_V2 = /georeport[_\s-]?v2/i;

const formatOfUrl = (url: URL): Format => (/\.xml$/i.test(url.pathname) ? 'xml' : 'json');

/** The endpoint's own preference: the first of its formats the client speaks (XML is required by the spec). */
function preferredFormat(endpoint: DiscoveryEndpoint): Format {
  for (const mime of endpoint.formats) {
    if (/json/i.test(mime)) return 'json';
    if (/xml/i.test(mime)) return 'xml';
  }
  return 'xml';
}

function pickEndpoint(discovery: Discovery, type: 'production' | 'test'): DiscoveryEndpoint | undefined {
  const v2 = discovery.endpoints.filter((e) => GEOREPORT_V2.test(e.specification));
  return v2.find((e) => e.type === type) ?? v2[0];
}

const toTime = (value: Date | string, name: string): number => {
  const t = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date: ${String(value)}`);
  return t;
};

export class Open311Client {
  readonly options: Readonly<ClientOptions>;
  private readonly base: URL;
  private readonly format: Format;
  private readonly transport: Transport;
  private readonly readOptions: ReadOptions;
  private readonly dateStyle: DateStyle;

  /** Throws NetworkError `bad-url` unless baseUrl is an absolute http(s) URL. */
  constructor(options: ClientOptions) {
    this.options = Object.freeze({ ...options });
    const base = parseTarget(options.baseUrl);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.base = base;
    this.format = options.format ?? 'json';
    this.transport = options.transport ?? createTransport(Open311Client.transportOptions(options));
    const profile = options.profile;
    this.readOptions = {
      ...(profile?.timezone !== undefined && { timezone: profile.timezone }),
      ...(profile?.area !== undefined && { area: profile.area }),
    };
    this.dateStyle = {
      ...(profile?.timezone !== undefined && { timezone: profile.timezone }),
      ...(profile?.omitQueryTimezone !== undefined && { omitTimezone: profile.omitQueryTimezone }),
    };
  }

  private static transportOptions(options: Omit<ClientOptions, 'baseUrl'>): TransportOptions {
    return {
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.allowPrivate !== undefined && { allowPrivate: options.allowPrivate }),
    };
  }

  /**
   * A client for the endpoint a discovery document names. The document's format is
   * taken from the URL's extension (JSON when there is none); the client's format is
   * `options.format`, else the endpoint's first listed one.
   */
  static async fromDiscovery(discoveryUrl: string, options: DiscoveryOptions = {}): Promise<Open311Client> {
    const { type = 'production', ...rest } = options;
    const where = parseTarget(discoveryUrl);
    const probe = new Open311Client({ ...rest, baseUrl: new URL('./', where).href });
    const { data, exchange } = await probe.discovery(where.href);
    const endpoint = pickEndpoint(data, type);
    if (endpoint === undefined) {
      throw new ResponseReadError(exchange, 'endpoints', 'the discovery document lists no GeoReport v2 endpoint');
    }
    return new Open311Client({
      ...rest,
      transport: probe.transport,
      baseUrl: new URL(endpoint.url, where).href,
      format: rest.format ?? preferredFormat(endpoint),
    });
  }

  /** Without a URL: `discovery.{fmt}` next to the endpoint's folder (`…/open311/v2/` → `…/open311/discovery.json`). */
  discovery(url?: string): Promise<Answer<Discovery>> {
    const target = url === undefined ? new URL(`../discovery.${this.format}`, this.base) : parseTarget(url);
    return this.get(target.href, readDiscovery, url === undefined ? this.format : formatOfUrl(target));
  }

  services(params: { locale?: string } = {}): Promise<Answer<Service[]>> {
    return this.get(this.url('services', params), readServices);
  }

  serviceDefinition(serviceCode: string, params: { locale?: string } = {}): Promise<Answer<ServiceDefinition>> {
    return this.get(this.url(`services/${encodeURIComponent(serviceCode)}`, params), readServiceDefinition);
  }

  /**
   * POST requests; multipart when `media` is given. Never retried: a retry could file the report twice,
   * unless the server honours `idempotencyKey` (sent as the Idempotency-Key header; profile flag
   * `idempotencyKeys`): then sending again with the same key and submission files it once.
   */
  async submit(submission: Submission, options: SubmitOptions = {}): Promise<Answer<RequestReceipt[]>> {
    const fields = submissionFields(submission, {
      jurisdiction_id: this.options.jurisdictionId,
      api_key: this.options.apiKey,
    });
    const request: HttpRequest = { method: 'POST', url: this.url('requests', {}, false) };
    const headers = {
      ...this.headers(),
      ...(options.idempotencyKey !== undefined && { [IDEMPOTENCY_KEY_HEADER]: formatIdempotencyKey(options.idempotencyKey) }),
    };
    if (submission.media !== undefined && submission.media.length > 0) {
      const { body, contentType } = await multipartBody(fields, submission.media);
      request.body = body;
      request.headers = { ...headers, 'content-type': contentType };
    } else {
      request.body = encodePairs(fields);
      request.headers = { ...headers, 'content-type': FORM_TYPE };
    }
    return this.interpret(await this.transport(request, this.callOptions()), readReceipts, this.format);
  }

  token(token: string): Promise<Answer<RequestReceipt[]>> {
    return this.get(this.url(`tokens/${encodeURIComponent(token)}`), readReceipts);
  }

  /** Polls GET tokens with exponential back-off (plus jitter) until it yields an id; rejects after `timeoutMs`. */
  waitForRequestId(token: string, options: { timeoutMs?: number; initialDelayMs?: number } = {}): Promise<string> {
    return pollForRequestId(
      async () => (await this.token(token)).data.find((r) => r.service_request_id)?.service_request_id ?? null,
      { token, url: this.url(`tokens/${encodeURIComponent(token)}`) },
      options,
    );
  }

  requests(query: RequestsQuery = {}): Promise<Answer<ClientRequest[]>> {
    return this.get(this.url('requests', { ...query }), readRequests);
  }

  /** null when the server answers an empty list (a missing id should be a 404, which rejects). */
  async request(id: string): Promise<Answer<ClientRequest | null>> {
    const path = this.options.profile?.singleRequestPath ?? 'requests';
    const answer = await this.get(this.url(`${path}/${encodeURIComponent(id)}`), readRequests);
    return { ...answer, data: answer.data[0] ?? null };
  }

  /** mySociety `servicerequestupdates`; sends api_key when set, as FixMyStreet does. */
  updates(query: { start_date: Date | string; end_date?: Date | string }): Promise<Answer<RequestUpdate[]>> {
    return this.get(this.url('servicerequestupdates', { ...query, api_key: this.options.apiKey }), readUpdates);
  }

  /**
   * Every request in [start, end): pages where offered, otherwise halves the date window
   * until a window holds fewer than maxResults; yields each request once (by id).
   */
  allRequests(
    range: { start: Date | string; end: Date | string; service_code?: string; status?: string },
    onWarning?: (w: ReadWarning) => void,
  ): AsyncGenerator<ClientRequest> {
    const profile = this.options.profile;
    return sweepRequests((q) => this.requests(q), {
      start: toTime(range.start, 'start'),
      end: toTime(range.end, 'end'),
      filters: {
        ...(range.service_code !== undefined && { service_code: range.service_code }),
        ...(range.status !== undefined && { status: range.status }),
      },
      maxResults: profile?.maxResults ?? DEFAULT_MAX_RESULTS,
      ...(profile?.paging !== undefined && { paging: profile.paging }),
      ...(onWarning !== undefined && { onWarning }),
    });
  }

  /** `{base}{path}.{fmt}?jurisdiction_id=…&…` */
  private url(path: string, params: Params = {}, withJurisdiction = true): string {
    const url = new URL(`${path}.${this.format}`, this.base);
    const query = buildQuery(
      { ...(withJurisdiction && { jurisdiction_id: this.options.jurisdictionId }), ...params },
      this.dateStyle,
    );
    url.search = query;
    return url.href;
  }

  private headers(): Record<string, string> {
    const profile = this.options.profile;
    return {
      ...profile?.headers,
      ...(profile?.acceptEncoding !== undefined && { 'accept-encoding': profile.acceptEncoding }),
    };
  }

  private callOptions(): TransportOptions {
    return Open311Client.transportOptions(this.options);
  }

  private async get<T>(url: string, read: Reader<T>, format: Format = this.format): Promise<Answer<T>> {
    const request: HttpRequest = { method: 'GET', url, headers: this.headers() };
    const exchange = await sendWithRetries(() => this.transport(request, this.callOptions()), {
      retries: this.options.retries ?? 2,
    });
    return this.interpret(exchange, read, format);
  }

  private interpret<T>(exchange: Exchange, read: Reader<T>, format: Format): Answer<T> {
    const { status, truncated, size } = exchange.response;
    if (truncated) {
      throw new NetworkError(
        'too-large',
        exchange.request.url,
        `The answer of ${exchange.request.url} is larger than ${size} bytes, the most this client accepts`,
      );
    }
    if (status < 200 || status > 299) throw Open311Error.fromExchange(exchange, format);
    try {
      const { value, warnings } = read(exchange.response.body, format, this.readOptions);
      return { data: value, warnings, exchange };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      throw new ResponseReadError(exchange, err.path, `its body cannot be read: ${err.message}`, { cause: err });
    }
  }
}
