/**
 * Service requests: submitting (POST requests), reading (GET requests, GET one,
 * GET token). Reads build their answers only through the public projection.
 */
import {
  IDEMPOTENCY_KEY_KEPT_HOURS, idempotencyKeyReused, unknownRequest, unknownToken, validateSubmission, type FormFields,
  type RequestChannel, type RequestReceipt, type RequestsQuery,
} from '@o311/georeport';
import {
  IdempotencyKeyReused, type ApiKey, type CreatedRequest, type IdempotencyClaim, type NewRequest, type Jurisdiction, type NewMedia, type RequestFilter, type ServiceRecord, type StoredRequest,
} from '@o311/store';
import {
  toExtendedRequest, toPublicRequest, type ProjectedRequest, type ProjectionContext,
} from '../projection/public-request.js';
import type { ServiceContext } from './context.js';
import { submissionFingerprint } from './submission-fingerprint.js';

const HOUR_MS = 3_600_000;

/**
 * Validates the whole submission against the service definition (every problem
 * named in one 400) and only then writes the request, its history entry and its
 * media in one store transaction: nothing is half-written on failure.
 */
export async function submitRequest(
  ctx: ServiceContext,
  j: Jurisdiction,
  key: ApiKey,
  service: ServiceRecord,
  fields: FormFields,
  media: readonly NewMedia[],
): Promise<RequestReceipt> {
  return (await submitRequestOnce(ctx, j, key, service, fields, media)).receipt;
}

export interface Submitted {
  receipt: RequestReceipt;
  /** The idempotency key named an earlier submission: its receipt, nothing new written. */
  replayed: boolean;
  /** The request's id (also when its receipt holds none). */
  requestId: string;
}

export interface SubmitOptions {
  /** The client's key (its submission fingerprinted here), or a claim whose fingerprint the caller chose (the web form's one-time token). */
  idempotencyKey?: string | IdempotencyClaim;
  /** How the request reached the city; `api` when not said. */
  channel?: RequestChannel;
  /**
   * Writes the validated request (default: the store's createRequest); the
   * e-mail intake writes it with its mail thread in one transaction.
   */
  create?: (r: NewRequest) => Promise<CreatedRequest>;
}

/**
 * submitRequest under the client's Idempotency-Key (an extension), when given:
 * the key is claimed with the request, in its transaction, for the API key. The
 * same key with the same submission (submission-fingerprint.ts) answers the
 * first one's receipt; with a different submission, a 422.
 */
export async function submitRequestOnce(
  ctx: ServiceContext,
  j: Jurisdiction,
  key: ApiKey,
  service: ServiceRecord,
  fields: FormFields,
  media: readonly NewMedia[],
  { idempotencyKey, channel = 'api', create = (r) => ctx.store.createRequest(r) }: SubmitOptions = {},
): Promise<Submitted> {
  const sub = validateSubmission(fields, service.attributes);
  const idempotency =
    idempotencyKey === undefined || typeof idempotencyKey !== 'string'
      ? idempotencyKey
      : { key: idempotencyKey, fingerprint: submissionFingerprint(j, fields, media) };
  const stored = await create({
    jurisdiction_id: j.id,
    service_code: service.service_code,
    with_token: service.type === 'batch' || (service.type === 'blackbox' && service.blackbox_receipt === 'token'),
    description: sub.description,
    address: sub.address_string,
    address_id: sub.address_id,
    zipcode: sub.zipcode,
    lat: sub.lat,
    long: sub.long,
    media_url: sub.media_url,
    attributes: sub.attributes,
    reporter: {
      email: sub.email,
      first_name: sub.first_name,
      last_name: sub.last_name,
      phone: sub.phone,
      device_id: sub.device_id,
      account_id: sub.account_id,
    },
    media: [...media],
    api_key_id: key.id,
    channel,
    ...(idempotency && { idempotency }),
  }).catch((e: unknown) => {
    throw e instanceof IdempotencyKeyReused ? idempotencyKeyReused() : e;
  });
  return { receipt: receiptOf(service, stored), replayed: stored.replayed === true, requestId: stored.id };
}

/**
 * Forgets the idempotency keys claimed more than IDEMPOTENCY_KEY_KEPT_HOURS ago
 * (the hourly `idempotency-keys.prune` job, so a key is kept that long and at
 * most an hour more); returns how many.
 */
export function pruneIdempotencyKeys(ctx: ServiceContext): Promise<number> {
  return ctx.store.idempotencyKeys.prune(ctx.now() - IDEMPOTENCY_KEY_KEPT_HOURS * HOUR_MS);
}

function receiptOf(service: ServiceRecord, stored: StoredRequest): RequestReceipt {
  const service_notice = stored.service_notice ?? service.service_notice;
  // account_id belongs to the reporter: the receipt names the field but never echoes it.
  switch (service.type) {
    case 'realtime':
      return { service_request_id: stored.id, service_notice, account_id: null };
    case 'batch':
      return { token: stored.token, service_notice, account_id: null };
    case 'blackbox':
      return blackboxReceipt(service, stored, service_notice);
  }
}

/**
 * The spec's blackbox receipt holds neither id nor token; a city whose clients
 * take that for a failure and post again (FixMyStreet, open311_java) may choose,
 * per service, to give the id or a token that resolves to it (see BLACKBOX_RECEIPTS).
 */
function blackboxReceipt(service: ServiceRecord, stored: StoredRequest, service_notice: string | null): RequestReceipt {
  switch (service.blackbox_receipt) {
    case 'none':
      return { service_notice, account_id: null };
    case 'service_request_id':
      return { service_request_id: stored.id, service_notice, account_id: null };
    case 'token':
      return { token: stored.token, service_notice, account_id: null };
  }
}

export interface RequestPage {
  items: ProjectedRequest[];
  /** Only when the client asked for paging. */
  total?: number;
}

/**
 * GET requests: one query for the page (plus a count when paging), and the
 * history of all listed requests in ONE batch query only with `extensions=true`.
 */
export async function findRequests(
  ctx: ServiceContext,
  j: Jurisdiction,
  q: RequestsQuery,
  projection: ProjectionContext,
): Promise<RequestPage> {
  const limit = q.paged ? q.page_size : ctx.limits.maxResults;
  const offset = q.paged ? (q.page - 1) * q.page_size : 0;
  const where: Omit<RequestFilter, 'limit' | 'offset'> = q.ids
    ? { jurisdiction_id: j.id, ids: q.ids }
    : {
        jurisdiction_id: j.id,
        service_codes: q.service_codes,
        statuses: q.statuses,
        requested_from: q.start,
        requested_to: q.end,
        updated_from: q.updated_after,
        updated_to: q.updated_before,
        near: q.near,
        bbox: q.bbox,
      };
  const [rows, total] = await Promise.all([
    ctx.store.listPublicRequests({ ...where, limit, offset }),
    q.paged ? ctx.store.countRequests(where) : Promise.resolve(undefined),
  ]);
  if (!q.extensions) {
    return { items: rows.map((r) => toPublicRequest(r, projection)), total };
  }
  const events = rows.length > 0 ? await ctx.store.listEventsFor(rows.map((r) => r.id)) : new Map();
  return { items: rows.map((r) => toExtendedRequest(r, events.get(r.id) ?? [], projection)), total };
}

export async function findRequest(
  ctx: ServiceContext,
  j: Jurisdiction,
  id: string,
  extensions: boolean,
  projection: ProjectionContext,
): Promise<ProjectedRequest> {
  const r = id === '' ? undefined : await ctx.store.getPublicRequest(j.id, id);
  if (!r) throw unknownRequest(id);
  if (!extensions) return toPublicRequest(r, projection);
  return toExtendedRequest(r, await ctx.store.listEvents(j.id, r.id), projection);
}

/** GET tokens/{token}: the id a batch submission was given. */
export async function resolveToken(ctx: ServiceContext, j: Jurisdiction, token: string): Promise<RequestReceipt> {
  const r = token === '' ? undefined : await ctx.store.getRequestByToken(j.id, token);
  if (!r) throw unknownToken(token);
  return { service_request_id: r.id, token };
}
