/**
 * The federated endpoint's outbox and the router's upstream credentials
 * (federation.ts), one statement per call. The outbox's writes go through
 * `write`: on SQLite the store's group commit, so that a routed POST shares
 * its commit (and its flush) with the POSTs and deliveries of the same turn
 * of the event loop, as a local POST does.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { isRequestChannel, type RequestChannel } from '@o311/georeport';
import {
  FEDERATED_STATES, MAX_FEDERATED_ERROR, type FederatedFields, type FederatedFilter, type FederatedOnce, type FederatedRequest,
  type FederatedState, type FederationStore,
} from '../federation.js';
import { IdempotencyKeyReused } from '../idempotency.js';
import type { FederatedRequestsTable } from '../schema/tables.js';
import { generateRequestToken } from '../secrets.js';
import { numberOrNull, readStored } from './monitor-shared.js';
import { paging, parseJson, type Db, type WriteRunner } from './shared.js';

const DEFAULT_ACCOUNT_LIMIT = 500;

/**
 * The channel has no column of its own: it is kept in the fields document under
 * a name no Open311 field has (upstreams are sent named fields only, never the document).
 */
const CHANNEL_KEY = 'o311_channel';

type StoredFields = FederatedFields & { [CHANNEL_KEY]?: string };

const storedFields = (fields: FederatedFields, channel: RequestChannel): string => JSON.stringify({ ...fields, [CHANNEL_KEY]: channel });

function readFields(json: string): { fields: FederatedFields; channel: RequestChannel } {
  const { [CHANNEL_KEY]: channel, ...fields } = parseJson<StoredFields>(json);
  return { fields, channel: channel !== undefined && isRequestChannel(channel) ? channel : 'api' };
}

/** The id a one-time key makes: UUID-shaped like the others, and the key cannot be read back from it. */
function onceId(apiKeyId: string | null, once: FederatedOnce): string {
  const hex = createHash('sha256').update(`${apiKeyId ?? ''}\n${once.key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function toFederated(row: Selectable<FederatedRequestsTable>): FederatedRequest {
  return {
    id: row.id,
    token: row.token,
    endpoint_slug: row.endpoint_slug,
    service_code: row.service_code,
    ...readFields(row.fields),
    contact: { email: row.email, first_name: row.first_name, last_name: row.last_name, phone: row.phone, device_id: row.device_id },
    account_id: row.account_id,
    api_key_id: row.api_key_id,
    state: readStored(FEDERATED_STATES, row.state, 'federated request state'),
    attempts: Number(row.attempts),
    last_error: row.last_error,
    upstream_token: row.upstream_token,
    upstream_id: row.upstream_id,
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
    last_attempt_at: numberOrNull(row.last_attempt_at),
    delivered_at: numberOrNull(row.delivered_at),
  };
}

const bounded = (error: string): string => error.slice(0, MAX_FEDERATED_ERROR);

export function federatedRequests(db: Db, write: WriteRunner = (work) => work(db)): FederationStore {
  /** Updates the row while it is in one of `from`; true when it was. */
  const transition = (id: string, from: readonly FederatedState[], set: Partial<FederatedRequestsTable>): Promise<boolean> =>
    write(async (w) => {
      const result = await w.updateTable('federated_requests').set(set).where('id', '=', id).where('state', 'in', [...from]).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    });

  const filtered = (f: Omit<FederatedFilter, 'limit' | 'offset'>) => {
    let q = db.selectFrom('federated_requests');
    if (f.endpoint_slug !== undefined) q = q.where('endpoint_slug', '=', f.endpoint_slug);
    if (f.states !== undefined) q = q.where('state', 'in', f.states.length > 0 ? [...f.states] : ['none']);
    if (f.created_before !== undefined) q = q.where('created_at', '<', f.created_before);
    return q;
  };

  return {
    async create(r, at, once) {
      const id = once === undefined ? randomUUID() : onceId(r.api_key_id, once);
      const row = await write((w) => w
        .insertInto('federated_requests')
        .values({
          id,
          token: generateRequestToken(),
          endpoint_slug: r.endpoint_slug,
          service_code: r.service_code,
          fields: storedFields(r.fields, r.channel ?? 'api'),
          ...r.contact,
          account_id: r.account_id,
          api_key_id: r.api_key_id,
          state: 'queued',
          attempts: 0,
          last_error: null,
          upstream_token: null,
          upstream_id: null,
          created_at: at,
          updated_at: at,
          last_attempt_at: null,
          delivered_at: null,
        })
        // A second send of the same key (after the first's commit, or waiting for it) stores nothing.
        .onConflict((c) => c.column('id').doNothing())
        .returningAll()
        .executeTakeFirst());
      if (row !== undefined) return toFederated(row);
      const first = await db.selectFrom('federated_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      if (first.endpoint_slug !== r.endpoint_slug || first.service_code !== r.service_code) throw new IdempotencyKeyReused();
      return toFederated(first);
    },

    async get(id) {
      const row = await db.selectFrom('federated_requests').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFederated(row);
    },

    async getByToken(token) {
      const row = await db.selectFrom('federated_requests').selectAll().where('token', '=', token).executeTakeFirst();
      return row && toFederated(row);
    },

    async markAttempt(id, at) {
      const row = await write((w) => w
        .updateTable('federated_requests')
        .set((eb) => ({ state: 'queued', attempts: eb('attempts', '+', 1), last_attempt_at: at, updated_at: at }))
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'dead'])
        .returningAll()
        .executeTakeFirst());
      return row && toFederated(row);
    },

    recordError: (id, error, at) => transition(id, ['queued'], { last_error: bounded(error), updated_at: at }),
    recordUpstreamToken: (id, token, at) => transition(id, ['queued'], { upstream_token: token, updated_at: at }),
    markDelivered: (id, upstream_id, at) =>
      transition(id, ['queued'], { state: 'delivered', upstream_id, last_error: null, delivered_at: at, updated_at: at }),
    markFailed: (id, error, at) => transition(id, ['queued'], { state: 'failed', last_error: bounded(error), updated_at: at }),
    markDead: (id, error, at) => transition(id, ['queued'], { state: 'dead', last_error: bounded(error), updated_at: at }),
    requeue: (id, at) => transition(id, ['failed', 'dead'], { state: 'queued', attempts: 0, updated_at: at }),

    async list(f) {
      const { limit, offset } = paging(f);
      const rows = await filtered(f).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toFederated);
    },

    async count(f) {
      const row = await filtered(f).select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async listByAccount(account_id, limit = DEFAULT_ACCOUNT_LIMIT) {
      const rows = await db
        .selectFrom('federated_requests')
        .selectAll()
        .where('account_id', '=', account_id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(paging({ limit, offset: 0 }).limit)
        .execute();
      return rows.map(toFederated);
    },

    async eraseContact(account_id) {
      const result = await write((w) => w
        .updateTable('federated_requests')
        .set({ email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null })
        .where('account_id', '=', account_id)
        .executeTakeFirst());
      return Number(result.numUpdatedRows);
    },

    async setCredential(slug, sealed) {
      const result = await db
        .updateTable('registry_endpoints')
        .set({ upstream_key_sealed: sealed })
        .where('slug', '=', slug)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async credential(slug) {
      const row = await db.selectFrom('registry_endpoints').select('upstream_key_sealed').where('slug', '=', slug).executeTakeFirst();
      return row?.upstream_key_sealed ?? undefined;
    },
  };
}
