/**
 * Developers' key requests (key-requests.ts). Every state move is a
 * conditional UPDATE (… where state = 'unverified'), so two clicks of one
 * link, or two admins deciding at once, move a request once; the loser gets
 * undefined. Leaving the open states clears `open_email` in the same UPDATE.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  KEY_REQUEST_STATES, type CreatedKeyRequest, type KeyRequest, type KeyRequestState, type KeyRequestStore, type NewKeyRequest,
} from '../key-requests.js';
import type { ApiKeyRequestsTable } from '../schema/key-request-tables.js';
import { toApiKey } from './api-keys.js';
import { numberOrNull, readStored } from './monitor-shared.js';
import { isUniqueViolation, type Db } from './shared.js';

const MAX_LIST_ROWS = 1000;

function toKeyRequest(row: Selectable<ApiKeyRequestsTable>): KeyRequest {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    app_name: row.app_name,
    app_url: row.app_url,
    purpose: row.purpose,
    locale: row.locale,
    terms_digest: row.terms_digest,
    verify_expires_at: Number(row.verify_expires_at),
    state: readStored(KEY_REQUEST_STATES, row.state, 'key request state'),
    created_at: Number(row.created_at),
    verified_at: numberOrNull(row.verified_at),
    decided_at: numberOrNull(row.decided_at),
    decided_by: row.decided_by,
    api_key_id: row.api_key_id,
  };
}

export function keyRequestStore(db: Db): KeyRequestStore {
  const get = async (id: string) => {
    const row = await db.selectFrom('api_key_requests').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toKeyRequest(row);
  };

  /** Moves one request from `from` with `set`; the request after, or undefined when it was not in `from`. */
  const move = async (id: string, from: KeyRequestState, set: Partial<ApiKeyRequestsTable>, extra?: { notExpiredAt: number }) => {
    let q = db.updateTable('api_key_requests').set(set).where('id', '=', id).where('state', '=', from);
    if (extra) q = q.where('verify_expires_at', '>', extra.notExpiredAt);
    const done = await q.executeTakeFirst();
    return done.numUpdatedRows > 0n ? get(id) : undefined;
  };

  return {
    async create(input: NewKeyRequest, now: number): Promise<CreatedKeyRequest> {
      // An unverified request whose link expired no longer holds the address.
      await db.updateTable('api_key_requests').set({ state: 'expired', open_email: null })
        .where('open_email', '=', input.email).where('state', '=', 'unverified').where('verify_expires_at', '<=', now).execute();
      const row: ApiKeyRequestsTable = {
        id: randomUUID(), ...input, open_email: input.email, state: 'unverified', created_at: now,
        verified_at: null, decided_at: null, decided_by: null, api_key_id: null,
      };
      try {
        await db.insertInto('api_key_requests').values(row).execute();
      } catch (e) {
        if (isUniqueViolation(e)) return { ok: false, reason: 'duplicate' };
        throw e;
      }
      return { ok: true, request: toKeyRequest(row) };
    },

    get,

    async findByVerification(verifyHash) {
      const row = await db.selectFrom('api_key_requests').selectAll().where('verify_hash', '=', verifyHash).executeTakeFirst();
      return row && toKeyRequest(row);
    },

    verify: (id, now) => move(id, 'unverified', { state: 'pending', verified_at: now }, { notExpiredAt: now }),

    decide: (id, decision, by, now) =>
      move(id, 'pending', {
        state: decision.state, open_email: null, decided_at: now, decided_by: by,
        ...(decision.state === 'issued' && { api_key_id: decision.api_key_id }),
      }),

    async list({ states, limit }) {
      if (states?.length === 0) return [];
      let q = db.selectFrom('api_key_requests').selectAll();
      if (states) q = q.where('state', 'in', [...states]);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(Math.max(1, Math.min(MAX_LIST_ROWS, Math.floor(limit)))).execute();
      return rows.map(toKeyRequest);
    },

    async keyOwners() {
      return db.selectFrom('api_key_requests')
        .select(['api_key_id', 'email', 'name', 'app_name', 'app_url'])
        .where('api_key_id', 'is not', null)
        .$narrowType<{ api_key_id: string }>()
        .execute();
    },

    async keyUsage() {
      const rows = await db.selectFrom('requests')
        .select((eb) => ['api_key_id', eb.fn.countAll<number | string>().as('n'), eb.fn.max('requested_at').as('last')])
        .where('api_key_id', 'is not', null)
        .groupBy('api_key_id')
        .execute();
      return rows.map((r) => ({ api_key_id: r.api_key_id!, requests: Number(r.n), last_request_at: Number(r.last) }));
    },

    async prune(before, now) {
      const done = await db.deleteFrom('api_key_requests')
        .where('created_at', '<', before)
        .where((eb) => eb.or([
          eb('state', 'in', ['expired', 'refused']),
          eb.and([eb('state', '=', 'unverified'), eb('verify_expires_at', '<=', now)]),
        ]))
        .executeTakeFirst();
      return Number(done.numDeletedRows);
    },

    async limitKey(id, limits) {
      const row = await db.updateTable('api_keys')
        .set({ rate_limit_per_minute: limits.rate_limit_per_minute, jurisdiction_id: limits.jurisdiction_id })
        .where('id', '=', id).returningAll().executeTakeFirst();
      return row && toApiKey(row);
    },
  };
}
