/**
 * "Export my data": everything o311 keeps about an account, as one JSON
 * document, or as CSV rows of (section, id, field, value) so that nested
 * answers fit a spreadsheet. Only the account's own data: its reports' public
 * fields and the contact details given with them, its federated reports, the
 * requests its address follows.
 */
import type { CitizenAccount, FederatedRequest, Follower, StoredRequest } from '@o311/store';
import type { WebContext } from '../context.js';
import { csvRow } from '../staff/inbox/csv.js';

/** Reports read per query, and at most. */
const BATCH = 500;
const MAX_REPORTS = 50_000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const reportOf = (r: StoredRequest) => ({
  service_request_id: r.id,
  jurisdiction_id: r.jurisdiction_id,
  service_code: r.service_code,
  service_name: r.service_name,
  status: r.status,
  status_notes: r.status_notes,
  description: r.description,
  address: r.address,
  address_id: r.address_id,
  zipcode: r.zipcode,
  lat: r.lat,
  long: r.long,
  media_url: r.media_url,
  attributes: r.attributes,
  requested_datetime: iso(r.requested_at),
  updated_datetime: iso(r.updated_at),
  expected_datetime: iso(r.expected_at),
  contact: { email: r.reporter.email, first_name: r.reporter.first_name, last_name: r.reporter.last_name, phone: r.reporter.phone, device_id: r.reporter.device_id },
});

const federatedOf = (f: FederatedRequest) => ({
  id: f.id,
  endpoint: f.endpoint_slug,
  service_code: f.service_code,
  state: f.state,
  upstream_id: f.upstream_id,
  created_datetime: iso(f.created_at),
  fields: f.fields,
  contact: f.contact,
});

const followOf = (f: Follower) => ({
  jurisdiction_id: f.jurisdiction_id,
  service_request_id: f.request_id,
  since: iso(f.created_at),
  confirmed: f.confirmed_at !== null,
});

export async function exportAccount(web: WebContext, account: CitizenAccount) {
  const { store, now } = web.services;
  const reports: StoredRequest[] = [];
  for (let offset = 0; offset < MAX_REPORTS; offset += BATCH) {
    const page = await store.citizens.listRequests(account.id, { limit: BATCH, offset });
    reports.push(...page);
    if (page.length < BATCH) break;
  }
  const [federated, follows] = await Promise.all([store.federation.listByAccount(account.id, MAX_REPORTS), store.citizens.listFollows(account.email)]);
  return {
    exported_datetime: iso(now()),
    account: {
      id: account.id,
      email: account.email,
      created_datetime: iso(account.created_at),
      last_sign_in_datetime: iso(account.last_sign_in_at),
      reminders: account.reminders,
      locale: account.locale,
    },
    reports: reports.map(reportOf),
    federated_reports: federated.map(federatedOf),
    follows: follows.map(followOf),
  };
}

export type AccountExport = Awaited<ReturnType<typeof exportAccount>>;

/** `[path, value]` for every leaf: `contact.email`, `attributes.SIZE`, `attributes.KINDS.0`. */
function leaves(value: unknown, path: string): [string, string | number | null][] {
  if (value === null || value === undefined) return [[path, null]];
  if (typeof value === 'number' || typeof value === 'string') return [[path, value]];
  if (typeof value === 'boolean') return [[path, String(value)]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, path === '' ? k : `${path}.${k}`));
}

export function exportCsv(e: AccountExport): string {
  const rows: string[] = [csvRow(['section', 'id', 'field', 'value'])];
  const section = (name: string, id: string, record: object) => {
    for (const [field, value] of leaves(record, '')) rows.push(csvRow([name, id, field, value]));
  };
  section('account', e.account.id, { ...e.account, exported_datetime: e.exported_datetime });
  for (const r of e.reports) section('report', r.service_request_id, r);
  for (const f of e.federated_reports) section('federated_report', f.id, f);
  for (const f of e.follows) section('follow', f.service_request_id, f);
  return rows.join('');
}
