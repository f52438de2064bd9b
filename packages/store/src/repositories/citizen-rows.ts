/** Citizen account and session rows as the store hands them out. */
import type { Selectable } from 'kysely';
import type { CitizenAccount, CitizenSession } from '../citizens.js';
import type { CitizenAccountsTable, CitizenSessionsTable } from '../schema/tables.js';
import { fromFlag } from './shared.js';

export const toAccount = (row: Selectable<CitizenAccountsTable>): CitizenAccount => ({
  id: row.id,
  email: row.email,
  created_at: row.created_at,
  last_sign_in_at: row.last_sign_in_at,
  reminders: fromFlag(row.reminders),
  locale: row.locale,
});

export const toSession = (row: Selectable<CitizenSessionsTable>): CitizenSession => ({
  id: row.id,
  account_id: row.account_id,
  csrf_token: row.csrf_token,
  created_at: row.created_at,
  expires_at: row.expires_at,
  last_seen_at: row.last_seen_at,
});
