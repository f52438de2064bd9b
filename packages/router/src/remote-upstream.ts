/**
 * Upstreams read through the client SDK (endpoint-client.ts), behind the
 * client's network guard: private, loopback and link-local addresses are
 * refused unless allowed.
 */
import { createTransport, Open311Error, type ClientRequest, type Open311Client, type Transport } from '@o311/client';
import type { PublicRequest, ServiceDefinition } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import { endpointClient } from './endpoint-client.js';
import { readLocalised, type LocaleTag } from './locale.js';
import type { UpstreamQuery, UpstreamReader } from './upstream.js';
import { strictRequest } from './upstream-request.js';

export interface RemoteUpstreamOptions {
  /** Reach private and loopback addresses too (tests, an intranet registry); default false. */
  allowPrivate?: boolean;
  /** Deadline of one call; default 5 s. */
  timeoutMs?: number;
  /** Largest answer read; default 8 MiB (1,000 requests with long descriptions). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

const isNotFound = (err: unknown): boolean => err instanceof Open311Error && err.status === 404;

const strictList = (list: readonly ClientRequest[]): PublicRequest[] => list.flatMap((r) => strictRequest(r) ?? []);

/** Undefined for the upstream's 404; any other failure rejects. */
async function unlessNotFound<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Makes the readers of remote endpoints; one transport (and its connection pool) for all. */
export class RemoteUpstreams {
  readonly #transport: Transport;
  readonly #allowPrivate: boolean;
  readonly #timeoutMs: number;

  constructor(o: RemoteUpstreamOptions = {}) {
    this.#allowPrivate = o.allowPrivate ?? false;
    this.#timeoutMs = o.timeoutMs ?? 5000;
    this.#transport = createTransport({
      allowPrivate: this.#allowPrivate,
      timeoutMs: this.#timeoutMs,
      maxBytes: o.maxBytes ?? DEFAULT_MAX_BYTES,
    });
  }

  reader(e: Endpoint): UpstreamReader {
    let client: Open311Client;
    try {
      client = endpointClient(e, { allowPrivate: this.#allowPrivate, timeoutMs: this.#timeoutMs, transport: this.#transport });
    } catch (err) {
      const fail = (): Promise<never> => Promise.reject(err);
      return { serviceDefinition: fail, requests: fail, request: fail };
    }
    return {
      serviceDefinition: async (code: string, locale?: LocaleTag): Promise<ServiceDefinition | undefined> =>
        unlessNotFound(readLocalised(locale, async (l) => (await client.serviceDefinition(code, { locale: l })).data)),
      requests: async (q: UpstreamQuery): Promise<PublicRequest[]> => strictList((await client.requests(clientQuery(q))).data),
      request: async (id: string): Promise<PublicRequest | undefined> => {
        const found = await unlessNotFound(client.request(id).then((a) => a.data));
        return found === undefined || found === null ? undefined : strictRequest(found);
      },
    };
  }
}

/** The client's query: ids alone when given (spec), else the filters and the window. */
function clientQuery(q: UpstreamQuery): Parameters<Open311Client['requests']>[0] {
  if (q.ids !== undefined) return { service_request_id: [...q.ids] };
  return {
    ...(q.service_codes !== undefined && { service_code: [...q.service_codes] }),
    ...(q.statuses !== undefined && { status: [...q.statuses] }),
    start_date: new Date(q.start),
    end_date: new Date(q.end),
    ...(q.updated_after !== undefined && { updated_after: new Date(q.updated_after) }),
    ...(q.updated_before !== undefined && { updated_before: new Date(q.updated_before) }),
    ...(q.near !== undefined && { lat: q.near.lat, long: q.near.long, radius: q.near.radius_m }),
  };
}
