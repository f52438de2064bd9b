/**
 * The caller lookup (callers.ts). Phone numbers are stored as typed, so the
 * comparison strips the usual separators in SQL (the same in both dialects)
 * and matches the end of the number; e-mail addresses are compared lower-cased,
 * and also find the requests of the citizen account of that address.
 */
import { sql, type Expression, type Selectable } from 'kysely';
import { PHONE_MATCH_DIGITS, type CallerContact, type CallerHistory, type CallerRequest, type CallerStore } from '../callers.js';
import type { RequestsTable } from '../schema/tables.js';
import { readStatus, type Db } from './shared.js';

/** What people type between the digits of a phone number. */
const SEPARATORS = [' ', '-', '.', '(', ')', '+', '/'];

const storedDigits = (): Expression<string> =>
  SEPARATORS.reduce<Expression<string>>((inner, s) => sql<string>`replace(${inner}, ${s}, '')`, sql.ref<string>('requests.phone'));

type Row = Pick<Selectable<RequestsTable>, 'id' | 'service_name' | 'status' | 'requested_at' | 'address'>;

const toCallerRequest = (r: Row): CallerRequest => ({
  id: String(r.id), service_name: r.service_name, status: readStatus(r.status), requested_at: Number(r.requested_at), address: r.address,
});

const COLUMNS = ['requests.id', 'requests.service_name', 'requests.status', 'requests.requested_at', 'requests.address'] as const;

async function filed(db: Db, jurisdiction_id: string, contact: CallerContact, limit: number): Promise<CallerRequest[]> {
  let q = db.selectFrom('requests').select(COLUMNS).where('requests.jurisdiction_id', '=', jurisdiction_id);
  if (contact.kind === 'email') {
    const email = contact.email.toLowerCase();
    // Left with the address, or filed signed in to the citizen account of that address ("My reports").
    q = q.where((eb) => eb.or([
      eb(eb.fn('lower', ['requests.email']), '=', email),
      eb('requests.account_id', 'in', eb.selectFrom('citizen_accounts').select('citizen_accounts.id').where('citizen_accounts.email', '=', email)),
    ]));
  } else {
    const tail = contact.digits.slice(-PHONE_MATCH_DIGITS);
    // Digits only: nothing in the pattern is a wildcard.
    q = q.where('requests.phone', 'is not', null).where(storedDigits(), 'like', `%${tail}`);
  }
  const rows = await q.orderBy('requests.requested_at', 'desc').orderBy('requests.id', 'desc').limit(limit).execute();
  return rows.map(toCallerRequest);
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
