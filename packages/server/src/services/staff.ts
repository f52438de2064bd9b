/** Staff operations: catalogue management, request handling, keys and tokens. */
import {
  EXTENDED_STATUSES, PUBLIC_STATUSES, badRequest, conflict, notFound, parseW3CDateTime, unknownJurisdiction, unknownRequest,
  unknownService, type ExtendedStatus, type PublicStatus, type ServiceType,
} from '@o311/georeport';
import type {
  BlackboxReceipt, Jurisdiction, RequestEvent, RequestFilter, ServiceRecord, ServiceTranslation, StoredRequest,
} from '@o311/store';
import type { ServiceContext } from './context.js';
import { resolveJurisdiction } from './jurisdictions.js';
import { assertValidService, normaliseAttributes, type AttributeInput } from './service-definitions.js';

// ---- jurisdictions ----

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const ID_PATTERN = /^[A-Za-z0-9_.~:-]+$/;

export async function saveJurisdiction(
  ctx: ServiceContext,
  j: Jurisdiction,
  mode: 'create' | 'upsert',
): Promise<Jurisdiction> {
  const problems: string[] = [];
  if (!ID_PATTERN.test(j.id)) problems.push('id may use letters, digits and _ . ~ : - only.');
  if (!isTimeZone(j.timezone)) problems.push(`timezone '${j.timezone}' is not an IANA time zone.`);
  if (problems.length > 0) throw badRequest(...problems);
  if (mode === 'create' && (await ctx.store.getJurisdiction(j.id))) {
    throw conflict(`Jurisdiction '${j.id}' already exists.`);
  }
  return ctx.store.saveJurisdiction(j);
}

export async function requireJurisdiction(ctx: ServiceContext, id: string): Promise<Jurisdiction> {
  const j = await ctx.store.getJurisdiction(id);
  if (!j) throw unknownJurisdiction(id);
  return j;
}

export async function deleteJurisdiction(ctx: ServiceContext, id: string): Promise<void> {
  await requireJurisdiction(ctx, id);
  if (!(await ctx.store.deleteJurisdiction(id))) {
    throw conflict(`Jurisdiction '${id}' still has services; delete them first.`);
  }
}

// ---- services ----

export interface ServiceInput {
  service_name: string;
  description?: string | null;
  type?: ServiceType;
  keywords?: string | null;
  group?: string | null;
  active?: boolean;
  agency_responsible?: string | null;
  service_notice?: string | null;
  sla_hours?: number | null;
  attributes?: AttributeInput[];
  translations?: Record<string, ServiceTranslation>;
  blackbox_receipt?: BlackboxReceipt;
}

export async function saveService(
  ctx: ServiceContext,
  j: Jurisdiction,
  code: string,
  input: ServiceInput,
  mode: 'create' | 'upsert',
): Promise<ServiceRecord> {
  const record = {
    jurisdiction_id: j.id,
    service_code: code,
    service_name: input.service_name,
    description: input.description ?? null,
    type: input.type ?? 'realtime',
    keywords: input.keywords ?? null,
    group: input.group ?? null,
    active: input.active ?? true,
    agency_responsible: input.agency_responsible ?? null,
    service_notice: input.service_notice ?? null,
    sla_hours: input.sla_hours ?? null,
    attributes: normaliseAttributes(input.attributes ?? []),
    translations: input.translations ?? {},
    blackbox_receipt: input.blackbox_receipt ?? 'none',
  };
  // Checked as sent (so stray `values` on a non-list attribute are reported, not dropped).
  assertValidService({ ...record, attributes: (input.attributes ?? []).map((a) => ({ ...a, datatype_description: a.datatype_description ?? null })) });
  if (mode === 'create' && (await ctx.store.getService(j.id, code))) {
    throw conflict(`Service '${code}' already exists in '${j.id}'.`);
  }
  return ctx.store.saveService(record);
}

export async function requireService(ctx: ServiceContext, j: Jurisdiction, code: string): Promise<ServiceRecord> {
  const s = await ctx.store.getService(j.id, code);
  if (!s) throw unknownService(code);
  return s;
}

export async function deleteService(ctx: ServiceContext, j: Jurisdiction, code: string): Promise<void> {
  if (!(await ctx.store.deleteService(j.id, code))) throw unknownService(code);
}

// ---- requests ----

export interface StaffRequestQuery {
  jurisdiction_id?: string;
  status?: string;
  service_code?: string;
  page?: number;
  page_size?: number;
}

const isPublicStatus = (s: string): s is PublicStatus => (PUBLIC_STATUSES as readonly string[]).includes(s);
const isExtendedStatus = (s: string): s is ExtendedStatus => Object.hasOwn(EXTENDED_STATUSES, s);

const splitList = (s: string | undefined): string[] | undefined => {
  const items = (s ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  return items.length > 0 ? items : undefined;
};

export async function listStaffRequests(
  ctx: ServiceContext,
  q: StaffRequestQuery,
): Promise<{ jurisdiction: Jurisdiction; rows: StoredRequest[]; total: number; page: number; page_size: number }> {
  const jurisdiction = await resolveJurisdiction(ctx.store, q.jurisdiction_id);
  const page = q.page ?? 1;
  const page_size = q.page_size ?? ctx.limits.defaultPageSize;
  const where: Omit<RequestFilter, 'limit' | 'offset'> = {
    jurisdiction_id: jurisdiction.id,
    statuses: splitList(q.status)?.filter(isPublicStatus),
    service_codes: splitList(q.service_code),
  };
  const [rows, total] = await Promise.all([
    ctx.store.listRequests({ ...where, limit: page_size, offset: (page - 1) * page_size }),
    ctx.store.countRequests(where),
  ]);
  return { jurisdiction, rows, total, page, page_size };
}

export async function staffRequestWithEvents(
  ctx: ServiceContext,
  jurisdictionId: string | undefined,
  id: string,
): Promise<{ jurisdiction: Jurisdiction; request: StoredRequest; events: RequestEvent[] }> {
  const jurisdiction = await resolveJurisdiction(ctx.store, jurisdictionId);
  const request = await ctx.store.getRequest(jurisdiction.id, id);
  if (!request) throw unknownRequest(id);
  const events = await ctx.store.listEvents(jurisdiction.id, id, { includeInternal: true });
  return { jurisdiction, request, events };
}

export interface StatusChangeInput {
  jurisdiction_id?: string;
  status: string;
  note?: string | null;
  agency_responsible?: string | null;
  expected_datetime?: string | null;
}


/** Order: jurisdiction, request existence (404), then the arguments (400). */
export async function changeRequestStatus(
  ctx: ServiceContext,
  id: string,
  input: StatusChangeInput,
  author: string,
): Promise<Jurisdiction> {
  const jurisdiction = await resolveJurisdiction(ctx.store, input.jurisdiction_id);
  if (!(await ctx.store.getRequest(jurisdiction.id, id))) throw unknownRequest(id);
  const problems: string[] = [];
  if (!isExtendedStatus(input.status)) problems.push(`status '${input.status}' is not a known status.`);
  let expected_at: number | null | undefined;
  if (input.expected_datetime === null) expected_at = null;
  else if (input.expected_datetime !== undefined) {
    expected_at = parseW3CDateTime(input.expected_datetime);
    if (expected_at === undefined) problems.push('expected_datetime must be a W3C datetime with a timezone.');
  }
  if (problems.length > 0 || !isExtendedStatus(input.status)) throw badRequest(...problems);
  const note = input.note === undefined || input.note === null || input.note.trim() === '' ? null : input.note;
  const changed = await ctx.store.changeStatus({
    jurisdiction_id: jurisdiction.id,
    request_id: id,
    status: input.status,
    note,
    author,
    at: ctx.now(),
    ...(input.agency_responsible !== undefined ? { agency_responsible: input.agency_responsible } : {}),
    ...(expected_at !== undefined ? { expected_at } : {}),
  });
  if (!changed) throw unknownRequest(id);
  return jurisdiction;
}

// ---- keys and tokens ----

export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await ctx.store.revokeApiKey(id))) throw notFound(`API key '${id}' does not exist.`);
  ctx.limiter.forget(id);
}

export async function revokeStaffToken(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await ctx.store.revokeStaffToken(id))) throw notFound(`Staff token '${id}' does not exist.`);
}
