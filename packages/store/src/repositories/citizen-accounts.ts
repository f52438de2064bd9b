/**
 * Citizen accounts (citizens.ts): sign-in links, sessions, the account's
 * requests and follows. Secrets are stored as SHA-256 digests only. Claiming
 * the reports made before signing in is in citizen-claim.ts, erasing an
 * account in citizen-erasure.ts.
 */
import { randomUUID } from 'node:crypto';
import type { CitizenAccount, CitizenStore, SignInLinkUse } from '../citizens.js';
import { generateCsrfToken, generateSecret, hashSecret } from '../secrets.js';
import { claimReports } from './citizen-claim.js';
import { deleteAccount } from './citizen-erasure.js';
import { toAccount, toSession } from './citizen-rows.js';
import { listOverdue } from './citizen-overdue.js';
import { toFollower } from './followers.js';
import { toStoredRequest } from './requests.js';
import { paging, parseRowId, toFlag, type Db, type Trx } from './shared.js';

/** Why a link cannot be used: read after the consuming update found nothing. */
async function refusal(trx: Trx, secret_hash: string): Promise<SignInLinkUse & { ok: false }> {
  const row = await trx.selectFrom('citizen_sign_in_links').select('used_at').where('secret_hash', '=', secret_hash).executeTakeFirst();
  return { ok: false, reason: !row ? 'unknown' : row.used_at !== null ? 'used' : 'expired' };
}

/** The address's account, created when it has none (a concurrent creation is found, not duplicated). */
async function accountFor(trx: Trx, email: string, locale: string | null, at: number): Promise<{ account: CitizenAccount; created: boolean }> {
  const inserted = await trx
    .insertInto('citizen_accounts')
    .values({ id: randomUUID(), email, created_at: at, last_sign_in_at: at, reminders: 1, locale })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { account: toAccount(inserted), created: true };
  const row = await trx
    .updateTable('citizen_accounts')
    .set((eb) => ({ last_sign_in_at: at, locale: eb.fn.coalesce(eb.val(locale), 'locale') }))
    .where('email', '=', email)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { account: toAccount(row), created: false };
}

export function citizenAccounts(db: Db): CitizenStore {
  return {
    async createSignInLink(input) {
      const secret = generateSecret('sign_in_link');
      const expires_at = input.at + input.ttl_ms;
      await db
        .insertInto('citizen_sign_in_links')
        .values({ secret_hash: hashSecret(secret), email: input.email.toLowerCase(), locale: input.locale, created_at: input.at, expires_at, used_at: null })
        .execute();
      return { secret, expires_at };
    },

    useSignInLink(secret, session, at) {
      const secret_hash = hashSecret(secret);
      return db.transaction().execute(async (trx): Promise<SignInLinkUse> => {
        // One statement decides: of two uses at once, the second finds the link used.
        const link = await trx
          .updateTable('citizen_sign_in_links')
          .set({ used_at: at })
          .where('secret_hash', '=', secret_hash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .returning(['email', 'locale'])
          .executeTakeFirst();
        if (!link) return refusal(trx, secret_hash);
        // The address is proven: the other links mailed to it are of no more use to anyone.
        await trx.updateTable('citizen_sign_in_links').set({ used_at: at }).where('email', '=', link.email).where('used_at', 'is', null).execute();
        const { account, created } = await accountFor(trx, link.email, link.locale, at);
        const claimed = await claimReports(trx, account, at);
        const sessionSecret = generateSecret('session');
        const row = {
          id: randomUUID(),
          account_id: account.id,
          secret_hash: hashSecret(sessionSecret),
          csrf_token: generateCsrfToken(),
          created_at: at,
          expires_at: at + session.ttl_ms,
          last_seen_at: at,
          revoked_at: null,
        };
        await trx.insertInto('citizen_sessions').values(row).execute();
        return { ok: true, account, created, session: toSession(row), secret: sessionSecret, claimed };
      });
    },

    async findSession(secret, at) {
      const row = await db
        .selectFrom('citizen_sessions')
        .selectAll()
        .where('secret_hash', '=', hashSecret(secret))
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (!row) return undefined;
      const account = await db.selectFrom('citizen_accounts').selectAll().where('id', '=', row.account_id).executeTakeFirst();
      return account && { session: toSession(row), account: toAccount(account) };
    },

    async touchSession(id, at) {
      await db.updateTable('citizen_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    async revokeSession(id, at) {
      const result = await db.updateTable('citizen_sessions').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async getAccount(id) {
      const row = await db.selectFrom('citizen_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },

    async setReminders(account_id, on) {
      const result = await db.updateTable('citizen_accounts').set({ reminders: toFlag(on) }).where('id', '=', account_id).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async listRequests(account_id, page) {
      const { limit, offset } = paging(page);
      const rows = await db
        .selectFrom('requests')
        .selectAll()
        .where('account_id', '=', account_id)
        .orderBy('requested_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toStoredRequest);
    },

    async countRequests(account_id) {
      const row = await db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('account_id', '=', account_id)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listFollows(email) {
      const rows = await db
        .selectFrom('followers')
        .selectAll()
        .where('email', '=', email.toLowerCase())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toFollower);
    },

    async unfollow(email, jurisdiction_id, request_id) {
      const id = parseRowId(request_id);
      if (id === undefined) return false;
      const result = await db
        .deleteFrom('followers')
        .where('email', '=', email.toLowerCase())
        .where('jurisdiction_id', '=', jurisdiction_id)
        .where('request_id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    listOverdue: (f) => listOverdue(db, f),
    deleteAccount: (account_id, at) => deleteAccount(db, account_id, at),

    async prune(before) {
      return db.transaction().execute(async (trx) => {
        const links = await trx.deleteFrom('citizen_sign_in_links').where('expires_at', '<', before).executeTakeFirst();
        const sessions = await trx
          .deleteFrom('citizen_sessions')
          .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
          .executeTakeFirst();
        return Number(links.numDeletedRows) + Number(sessions.numDeletedRows);
      });
    },
  };
}
