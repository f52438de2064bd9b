/**
 * Staff operations: catalogue management, request handling, keys and tokens.
 * Jurisdictions are administered in jurisdiction-admin.ts.
 */
import {
  EXTENDED_STATUSES, PUBLIC_STATUSES, badRequest, conflict, forbidden, isRequestChannel, notFound, parseW3CDateTime, unknownRequest,
  unknownService, type ExtendedStatus, type Open311Failure, type PublicStatus, type ServiceType,
} from '@o311/georeport';
import type {
  BlackboxReceipt, InboxFilter, Jurisdiction, JurisdictionScope, RequestEvent, ServiceRecord, ServiceTranslation, StaffRole, StaffToken,
  StoredRequest,
} from '@o311/store';
import type { ServiceContext } from './context.js';
import { resolveJurisdiction, resolveStaffJurisdiction } from './jurisdictions.js';
import { grantScope, type ScopeRefusal } from './staff-scope.js';
import { assertValidService, normaliseAttributes, type AttributeInput } from './service-definitions.js';

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
  /** How the requests reached the city, comma-separated (issue 15). */
  channel?: string;
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
  scope: JurisdictionScope,
  q: StaffRequestQuery,
): Promise<{ jurisdiction: Jurisdiction; rows: StoredRequest[]; total: number; page: number; page_size: number }> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, scope, q.jurisdiction_id);
  const page = q.page ?? 1;
  const page_size = q.page_size ?? ctx.limits.defaultPageSize;
  // The inbox's filter: the public list's, and the channel the public list does not show.
  const where: Omit<InboxFilter, 'limit' | 'offset'> = {
    jurisdiction_id: jurisdiction.id,
    statuses: splitList(q.status)?.filter(isPublicStatus),
    service_codes: splitList(q.service_code),
    channels: splitList(q.channel)?.filter(isRequestChannel),
  };
  const [rows, total] = await Promise.all([
    ctx.store.listInbox({ ...where, limit: page_size, offset: (page - 1) * page_size }),
    ctx.store.countInbox(where),
  ]);
  return { jurisdiction, rows, total, page, page_size };
}

export async function staffRequestWithEvents(
  ctx: ServiceContext,
  scope: JurisdictionScope,
  jurisdictionId: string | undefined,
  id: string,
): Promise<{ jurisdiction: Jurisdiction; request: StoredRequest; events: RequestEvent[] }> {
  const jurisdiction = await resolveStaffJurisdiction(ctx.store, scope, jurisdictionId);
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
    if (expected_at === undefined) problems.push('expected_datetime must be a W3C datetime with a timezone, in the years 0001-9999.');
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

export async function createStaffToken(
  ctx: ServiceContext,
  granter: JurisdictionScope,
  input: { name: string; role: StaffRole; jurisdictions?: JurisdictionScope },
): Promise<{ token: StaffToken; secret: string }> {
  const granted = await grantScope(ctx.store, granter, input.role, input.jurisdictions);
  if (!granted.ok) throw scopeRefusalError(granted.refusal);
  return ctx.store.createStaffToken({
    name: input.name, role: input.role, ...(granted.scope !== undefined ? { jurisdictions: granted.scope } : {}),
  });
}

function scopeRefusalError(refusal: ScopeRefusal): Open311Failure {
  switch (refusal.reason) {
    case 'global-for-non-admin': return badRequest('jurisdictions: only an admin may be global.');
    case 'global-by-scoped-admin': return forbidden('jurisdictions: only a global admin may grant a global scope.');
    case 'empty': return badRequest('jurisdictions: name at least one jurisdiction.');
    case 'unknown-jurisdictions': return badRequest(`jurisdictions: unknown jurisdiction(s) ${refusal.ids.join(', ')}.`);
  }
}

export async function revokeApiKey(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await ctx.store.revokeApiKey(id))) throw notFound(`API key '${id}' does not exist.`);
}

/** A token beyond the revoker's scope answers as an unknown one. */
export async function revokeStaffToken(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<void> {
  const reachable = (await ctx.store.listStaffTokens(scope)).some((t) => t.id === id);
  if (!reachable || !(await ctx.store.revokeStaffToken(id))) throw notFound(`Staff token '${id}' does not exist.`);
}
