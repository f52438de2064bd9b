/**
 * Deleting a citizen account erases what o311 keeps of the person, in one
 * transaction: the reporter contact fields of the account's requests (local
 * and federated; the requests stay, public, without them), the followers rows
 * and the outbox messages of the address, the mail received from it (e-mail
 * intake), the sign-in links and sessions, the account. The audit entry names the account's id and counts, never the address.
 */
import { sql } from 'kysely';
import type { AccountErasure } from '../citizens.js';
import { appendAudit } from './audit.js';
import { federatedRequests } from './federated-requests.js';
import type { Db } from './shared.js';

const NO_CONTACT = { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null } as const;

export function deleteAccount(db: Db, account_id: string, at: number): Promise<AccountErasure | undefined> {
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('citizen_accounts').select(['id', 'email']).where('id', '=', account_id).executeTakeFirst();
    if (!account) return undefined;
    const count = (r: { numUpdatedRows: bigint } | { numDeletedRows: bigint }): number =>
      Number('numUpdatedRows' in r ? r.numUpdatedRows : r.numDeletedRows);
    const erased: AccountErasure = {
      requests: count(await trx.updateTable('requests').set(NO_CONTACT).where('account_id', '=', account_id).executeTakeFirst()),
      federated: await federatedRequests(trx).eraseContact(account_id),
      follows: count(await trx.deleteFrom('followers').where('email', '=', account.email).executeTakeFirst()),
      // Recipients are kept as typed; the account's address is lower-cased.
      mails: count(await trx.deleteFrom('outbox').where(sql<string>`lower(recipient)`, '=', account.email).executeTakeFirst()),
      links: count(await trx.deleteFrom('citizen_sign_in_links').where('email', '=', account.email).executeTakeFirst()),
      // The intake keeps senders lower-cased.
      received: count(await trx.deleteFrom('inbound_mail').where('sender', '=', account.email).executeTakeFirst()),
      sessions: count(await trx.deleteFrom('citizen_sessions').where('account_id', '=', account_id).executeTakeFirst()),
    };
    await trx.deleteFrom('citizen_accounts').where('id', '=', account_id).execute();
    await appendAudit(trx, { at, actor: `citizen:${account_id}`, action: 'account.delete', jurisdiction_id: null, request_id: null, details: { ...erased } });
    return erased;
  });
}
