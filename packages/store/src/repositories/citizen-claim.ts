/**
 * An account claims the reports made with its address before it signed in:
 * local requests and federated requests whose reporter e-mail is the account's
 * address and that belong to no account get its id, so that "My reports"
 * lists them, the export includes them and deleting the account erases them.
 *
 * Only a proven address claims: this runs when a sign-in link mailed to the
 * address is used (citizen-accounts.ts, in that transaction), never on an
 * address someone merely typed. The contact details given with a report go
 * to whoever proves its address, since the reporter named that address as
 * the report's contact.
 * Reports of another account are left alone. Running it again claims only
 * what was reported since: it is idempotent.
 *
 * The reporter typed the address in any case; it is compared lower-cased
 * (contact-email.ts) with the account's address, which is stored lower-cased.
 * SQLite's lower() folds only A–Z, so on SQLite an address with other
 * capital letters is claimed only where it was typed in lower case.
 *
 * Each statement reads the partial index of unclaimed reports with an e-mail
 * (`requests_by_email`, `federated_by_email`): its cost follows the reports
 * being claimed, not the size of the tables.
 */
import type { ReportsClaimed } from '../citizens.js';
import { contactEmail } from '../schema/contact-email.js';
import { appendAudit } from './audit.js';
import type { Db, Trx } from './shared.js';

type Claimant = { id: string; email: string };

/** The statement that claims one table's reports (exported for the test of its plan). */
export const claimStatement = (db: Db, table: 'requests' | 'federated_requests', account: Claimant) =>
  db
    .updateTable(table)
    .set({ account_id: account.id })
    // The last two terms are the index's own condition, written out so that SQLite uses it.
    .where(contactEmail(), '=', account.email)
    .where('email', 'is not', null)
    .where('account_id', 'is', null);

export async function claimReports(trx: Trx, account: Claimant, at: number): Promise<ReportsClaimed> {
  const claim = async (table: 'requests' | 'federated_requests'): Promise<number> =>
    Number((await claimStatement(trx, table, account).executeTakeFirst()).numUpdatedRows);
  const claimed: ReportsClaimed = { requests: await claim('requests'), federated: await claim('federated_requests') };
  if (claimed.requests + claimed.federated > 0) {
    await appendAudit(trx, { at, actor: `citizen:${account.id}`, action: 'account.claim', jurisdiction_id: null, request_id: null, details: { ...claimed } });
  }
  return claimed;
}
