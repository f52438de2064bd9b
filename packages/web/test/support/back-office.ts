/** Helpers of the back-office page tests (inbox, request page, editors, CSV): reading pages and seeding requests. */
import type { LightMyRequestResponse } from 'fastify';
import type { PublicRequestWithExtensions } from '@o311/georeport';
import type { Jurisdiction, NewRequest, StaffRole, Store, StoredRequest, TriagedRequest } from '@o311/store';
import { emptyRequestDetails } from '../../../../test-support/request-details.js';
import { DEMO_EMAILS, type WebTestApp } from './app.js';

/** The demo city: the primary jurisdiction (the first one saved), whatever other jurisdictions sort before it. */
export async function demoJurisdiction(store: Store): Promise<Jurisdiction> {
  const j = await store.primaryJurisdiction();
  if (!j) throw new Error('no jurisdiction: seed the demo city');
  return j;
}

/** Every request of the jurisdiction, with its triage. */
export async function allRequests(store: Store): Promise<TriagedRequest[]> {
  const j = await demoJurisdiction(store);
  return store.listInbox({ jurisdiction_id: j.id, limit: 100_000, offset: 0 });
}

export async function userId(store: Store, role: StaffRole): Promise<string> {
  const user = await store.findUserByEmail(DEMO_EMAILS[role]);
  if (!user) throw new Error(`no demo ${role}`);
  return user.id;
}

/** A request straight into the store (with the reporter's contact data). */
export async function seedRequest(store: Store, over: Partial<NewRequest> & Pick<NewRequest, 'service_code'>): Promise<StoredRequest> {
  const j = await demoJurisdiction(store);
  return store.createRequest({
    jurisdiction_id: j.id,
    with_token: false,
    ...emptyRequestDetails(),
    reporter: { email: 'rosa@example.org', first_name: 'Rosa', last_name: 'Parks', phone: '+1 555 0100', device_id: null, account_id: null },
    media: [],
    api_key_id: null,
    channel: 'api',
    ...over,
  });
}

/** The request ids of the inbox table, in order. */
export const rowIds = (html: string): string[] =>
  [...html.matchAll(/<th scope="row"><a href="\/staff\/requests\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!));

/** "N requests match" of the inbox. */
export function totalOf(html: string): number {
  const m = /<p class="inbox-total">([\d,]+) requests match<\/p>/.exec(html);
  if (!m) throw new Error('no total on the page');
  return Number(m[1]!.replace(/,/g, ''));
}

/** The targets of the error summary's links (`#field-id`). */
export function summaryLinks(html: string): string[] {
  const summary = /<div class="svc-error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
}

/** The request as the public GeoReport API shows it. */
export async function publicRequest(t: WebTestApp, id: string, extensions = false): Promise<PublicRequestWithExtensions> {
  const res = await t.get(`/open311/v2/requests/${encodeURIComponent(id)}.json${extensions ? '?extensions=true' : ''}`);
  if (res.statusCode !== 200) throw new Error(`public request ${id}: ${res.statusCode} ${res.body}`);
  const [found] = res.json<PublicRequestWithExtensions[]>();
  if (!found) throw new Error(`public request ${id}: empty answer`);
  return found;
}

/** A redirect to where it should go (after a successful POST). */
export function redirectTo(res: LightMyRequestResponse): string {
  if (res.statusCode !== 303) throw new Error(`expected a 303, got ${res.statusCode}: ${res.body.slice(0, 2000)}`);
  return String(res.headers.location);
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends inside quotes kept). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
