/**
 * The caller lookup (callers.ts). Phone numbers are stored as typed, so the
 * comparison strips the usual separators in SQL (the same in both dialects)
 * and matches the end of the number; e-mail addresses are compared lower-cased,
 * and also find the requests of the citizen account of that address.
 */
import { sql, type Selectable } from 'kysely';
import { PHONE_MATCH_DIGITS, type CallerContact, type CallerHistory, type CallerRequest, type CallerStore } from '../callers.js';
import { contactEmail } from '../schema/contact-email.js';
import { PHONE_DIGITS_SQL, PHONE_TAIL_SQL } from '../schema/phone-tail.js';
import type { RequestsTable } from '../schema/tables.js';
import { readStatus, type Db } from './shared.js';

type Row = Pick<Selectable<RequestsTable>, 'id' | 'service_name' | 'status' | 'requested_at' | 'address'>;

const toCallerRequest = (r: Row): CallerRequest => ({
  id: String(r.id), service_name: r.service_name, status: readStatus(r.status), requested_at: Number(r.requested_at), address: r.address,
});

const COLUMNS = ['requests.id', 'requests.service_name', 'requests.status', 'requests.requested_at', 'requests.address'] as const;

const newestFirst = (a: CallerRequest, b: CallerRequest): number => b.requested_at - a.requested_at || Number(b.id) - Number(a.id);

async function filed(db: Db, jurisdiction_id: string, contact: CallerContact, limit: number): Promise<CallerRequest[]> {
  const inCity = () => db.selectFrom('requests').select(COLUMNS).where('requests.jurisdiction_id', '=', jurisdiction_id);
  // "+ 0": sorting by an expression no index gives keeps PostgreSQL from walking the city's whole time index
  // backwards in the hope of meeting a caller's few requests early; they are found first, then sorted.
  const newest = (q: ReturnType<typeof inCity>) =>
    q.orderBy(sql`${sql.ref('requests.requested_at')} + 0`, 'desc').orderBy('requests.id', 'desc').limit(limit).execute();
  if (contact.kind === 'phone') {
    const tail = contact.digits.slice(-PHONE_MATCH_DIGITS);
    // A full tail is read from the index; a shorter number (rare) is compared with every stored one's end.
    // Digits only: nothing in the pattern is a wildcard.
    const rows = await newest(tail.length === PHONE_MATCH_DIGITS
      ? inCity().where('requests.phone', 'is not', null).where(sql.raw<string>(PHONE_TAIL_SQL), '=', tail)
      : inCity().where('requests.phone', 'is not', null).where(sql.raw<string>(PHONE_DIGITS_SQL), 'like', `%${tail}`));
    return rows.map(toCallerRequest);
  }
  const email = contact.email.toLowerCase();
  // Left with the address while signed out, or filed signed in to the citizen account of that address
  // ("My reports"): two reads, each from its index (requests_by_email, requests_by_account), merged.
  const account = await db.selectFrom('citizen_accounts').select('id').where('email', '=', email).executeTakeFirst();
  const [left, signedIn] = await Promise.all([
    newest(inCity().where(contactEmail(), '=', email).where('requests.email', 'is not', null).where('requests.account_id', 'is', null)),
    account ? newest(inCity().where('requests.account_id', '=', account.id)) : [],
  ]);
  return [...left, ...signedIn].map(toCallerRequest).sort(newestFirst).slice(0, limit);
}

async function followed(db: Db, jurisdiction_id: string, email: string, limit: number): Promise<CallerRequest[]> {
  const rows = await db
    .selectFrom('followers')
    .innerJoin('requests', 'requests.id', 'followers.request_id')
    .select(COLUMNS)
    .where('followers.jurisdiction_id', '=', jurisdiction_id)
    .where('requests.jurisdiction_id', '=', jurisdiction_id)
    .where('followers.email', '=', email.toLowerCase())
    .where('followers.confirmed_at', 'is not', null)
    .orderBy('requests.requested_at', 'desc')
    .orderBy('requests.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toCallerRequest);
}

async function history(db: Db, jurisdiction_id: string, contact: CallerContact, limit: number): Promise<CallerHistory> {
  return {
    filed: await filed(db, jurisdiction_id, contact, limit),
    followed: contact.kind === 'email' ? await followed(db, jurisdiction_id, contact.email, limit) : [],
  };
}

export const callerStore = (db: Db): CallerStore => ({
  history: (j, contact, limit) => history(db, j, contact, limit),
});
