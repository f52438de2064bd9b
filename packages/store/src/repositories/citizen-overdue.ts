/** The open requests of accounts with reminders on that went past their expected date in a time range (the reminder job). */
import type { Selectable } from 'kysely';
import type { CitizenStore, OverdueRequest } from '../citizens.js';
import type { CitizenAccountsTable } from '../schema/tables.js';
import { toAccount } from './citizen-rows.js';
import { toStoredRequest } from './requests.js';
import { paging, parseRowId, type Db } from './shared.js';

type OverdueFilter = Parameters<CitizenStore['listOverdue']>[0];

export async function listOverdue(db: Db, f: OverdueFilter): Promise<OverdueRequest[]> {
  let q = db
    .selectFrom('requests')
    .innerJoin('citizen_accounts', 'citizen_accounts.id', 'requests.account_id')
    .selectAll('requests')
    .select([
      'citizen_accounts.email as account_email',
      'citizen_accounts.created_at as account_created_at',
      'citizen_accounts.last_sign_in_at as account_last_sign_in_at',
      'citizen_accounts.reminders as account_reminders',
      'citizen_accounts.locale as account_locale',
    ])
    .where('citizen_accounts.reminders', '=', 1)
    .where('requests.public_status', '=', 'open')
    .where('requests.expected_at', '>=', f.from)
    .where('requests.expected_at', '<', f.to);
  const after = f.after;
  const afterId = after === undefined ? undefined : parseRowId(after.id);
  if (after !== undefined && afterId !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb('requests.expected_at', '>', after.expected_at),
        eb.and([eb('requests.expected_at', '=', after.expected_at), eb('requests.id', '>', afterId)]),
      ]),
    );
  }
  const rows = await q.orderBy('requests.expected_at').orderBy('requests.id').limit(paging({ limit: f.limit, offset: 0 }).limit).execute();
  return rows.map((row) => {
    const account: Selectable<CitizenAccountsTable> = {
      id: row.account_id ?? '',
      email: row.account_email,
      created_at: row.account_created_at,
      last_sign_in_at: row.account_last_sign_in_at,
      reminders: row.account_reminders,
      locale: row.account_locale,
    };
    return { account: toAccount(account), request: toStoredRequest(row) };
  });
}
