/**
 * Request webhooks (webhooks.ts): subscribers, their deliveries and each
 * delivery's attempts. An attempt, the delivery's new state and the
 * subscriber's failure counts are written in one transaction; every state
 * move is a conditional UPDATE, so two workers never both move one row.
 */
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import {
  DELIVERY_STATES, MAX_ATTEMPT_EXCERPT, WEBHOOK_EVENTS, WEBHOOK_STATES, type DeliveryAttempt, type WebhookDelivery,
  type WebhookEvent, type WebhookStore, type WebhookSubscriber,
} from '../webhooks.js';
import { withoutNul } from '../nul-text.js';
import type { WebhookDeliveriesTable, WebhookSubscribersTable, WebhookTables } from '../schema/webhook-tables.js';
import { numberOrNull, readStored } from './monitor-shared.js';
import { inTransaction, paging, parseJson, type Db } from './shared.js';

/** The most rows one list call returns. */
const MAX_LIST_ROWS = 1000;

const bounded = (limit: number) => Math.min(MAX_LIST_ROWS, paging({ limit, offset: 0 }).limit);

function toSubscriber(row: Selectable<WebhookSubscribersTable>): WebhookSubscriber {
  return {
    id: row.id,
    jurisdiction_id: row.jurisdiction_id,
    name: row.name,
    url: row.url,
    events: parseJson<string[]>(row.events).map((e) => readStored(WEBHOOK_EVENTS, e, 'webhook event')),
    secret_sealed: row.secret_sealed,
    owner_email: row.owner_email,
    created_by: row.created_by,
    state: readStored(WEBHOOK_STATES, row.state, 'webhook state'),
    paused_at: numberOrNull(row.paused_at),
    pause_reason: row.pause_reason,
    consecutive_failures: Number(row.consecutive_failures),
    failing_since: numberOrNull(row.failing_since),
    created_at: Number(row.created_at),
    updated_at: Number(row.updated_at),
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return {
    id: row.id,
    subscriber_id: row.subscriber_id,
    change_id: numberOrNull(row.change_id),
    event: row.event,
    body: row.body,
    replay_of: row.replay_of,
    state: readStored(DELIVERY_STATES, row.state, 'webhook delivery state'),
    attempts: Number(row.attempts),
    created_at: Number(row.created_at),
    last_attempt_at: numberOrNull(row.last_attempt_at),
    delivered_at: numberOrNull(row.delivered_at),
  };
}

/** Deliveries removed per transaction when pruning. */
const PRUNE_BATCH = 500;
/** States a delivery never leaves. */
const FINISHED = ['delivered', 'failed', 'dead'] as const;

type DeliveryWhere = ExpressionBuilder<WebhookTables, 'webhook_deliveries'>;

/** Created before `before` and older than `kept`, a delivery every newer one of its subscriber sorts after (created_at, then id). */
const olderThan = (before: number, kept: { created_at: number; id: string } | undefined) => (eb: DeliveryWhere) =>
  kept === undefined
    ? eb('created_at', '<', before)
    : eb.and([
        eb('created_at', '<', before),
        eb.or([eb('created_at', '<', kept.created_at), eb.and([eb('created_at', '=', kept.created_at), eb('id', '<', kept.id)])]),
      ]);

/** Events in their canonical order, each once. */
const eventsText = (events: readonly WebhookEvent[]): string => JSON.stringify(WEBHOOK_EVENTS.filter((e) => events.includes(e)));

export function webhookStore(db: Db): WebhookStore {
  const getSubscriber = async (id: string) => {
    const row = await db.selectFrom('webhook_subscribers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSubscriber(row);
  };

  return {
    async createSubscriber(s, now) {
      const row: WebhookSubscribersTable = {
        id: s.id, jurisdiction_id: s.jurisdiction_id, name: s.name, url: s.url, events: eventsText(s.events),
        secret_sealed: s.secret_sealed, owner_email: s.owner_email, state: 'active', paused_at: null, pause_reason: null,
        consecutive_failures: 0, failing_since: null, created_at: now, created_by: s.created_by, updated_at: now,
      };
      await db.insertInto('webhook_subscribers').values(row).execute();
      return toSubscriber(row);
    },

    getSubscriber,

    async listSubscribers(f) {
      if (f.jurisdictions !== null && f.jurisdictions.length === 0) return [];
      let q = db.selectFrom('webhook_subscribers').selectAll();
      if (f.jurisdictions !== null) q = q.where('jurisdiction_id', 'in', [...f.jurisdictions]);
      if (f.states) q = q.where('state', 'in', [...f.states]);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(bounded(f.limit)).offset(paging({ limit: 0, offset: f.offset ?? 0 }).offset).execute();
      return rows.map(toSubscriber);
    },

    async updateSubscriber(id, c, now) {
      const set: Partial<WebhookSubscribersTable> = { updated_at: now };
      if (c.name !== undefined) set.name = c.name;
      if (c.url !== undefined) set.url = c.url;
      if (c.events !== undefined) set.events = eventsText(c.events);
      if (c.owner_email !== undefined) set.owner_email = c.owner_email;
      if (c.secret_sealed !== undefined) set.secret_sealed = c.secret_sealed;
      const row = await db.updateTable('webhook_subscribers').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toSubscriber(row);
    },

    async deleteSubscriber(id) {
      return inTransaction(db, async (trx) => {
        const deliveries = trx.selectFrom('webhook_deliveries').select('id').where('subscriber_id', '=', id);
        await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
        await trx.deleteFrom('webhook_deliveries').where('subscriber_id', '=', id).execute();
        const result = await trx.deleteFrom('webhook_subscribers').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      });
    },

    async pause(id, reason, now) {
      const result = await db
        .updateTable('webhook_subscribers')
        .set({ state: 'paused', paused_at: now, pause_reason: withoutNul(reason).slice(0, MAX_ATTEMPT_EXCERPT), updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'active')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async resume(id, now) {
      const result = await db
        .updateTable('webhook_subscribers')
        .set({ state: 'active', paused_at: null, pause_reason: null, consecutive_failures: 0, failing_since: null, updated_at: now })
        .where('id', '=', id)
        .where('state', '=', 'paused')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async addDeliveries(rows, now) {
      const inserted: WebhookDelivery[] = [];
      // One by one: a row already there (a dispatch run again) is skipped without failing the others.
      for (const r of rows) {
        const row: WebhookDeliveriesTable = {
          id: r.id, subscriber_id: r.subscriber_id, change_id: r.change_id, event: r.event, body: r.body, replay_of: r.replay_of,
          state: 'pending', attempts: 0, created_at: now, last_attempt_at: null, delivered_at: null,
        };
        const result = await db
          .insertInto('webhook_deliveries')
          .values(row)
          .onConflict((oc) => oc.columns(['subscriber_id', 'change_id']).doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 1) inserted.push(toDelivery(row));
      }
      return inserted;
    },

    async getDelivery(id) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toDelivery(row);
    },

    async listDeliveries(subscriberId, page) {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('subscriber_id', '=', subscriberId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(bounded(page.limit))
        .offset(paging({ limit: 0, offset: page.offset ?? 0 }).offset)
        .execute();
      if (rows.length === 0) return [];
      const attempts = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', 'in', rows.map((r) => r.id))
        .orderBy('delivery_id')
        .orderBy('n')
        .execute();
      const byDelivery = new Map<string, DeliveryAttempt[]>();
      for (const a of attempts) {
        const list = byDelivery.get(a.delivery_id) ?? [];
        list.push({ at: Number(a.at), http_status: numberOrNull(a.http_status), error: a.error, latency_ms: Number(a.latency_ms), excerpt: a.excerpt });
        byDelivery.set(a.delivery_id, list);
      }
      return rows.map((r) => ({ ...toDelivery(r), attempt_log: byDelivery.get(r.id) ?? [] }));
    },

    async pendingDeliveries(f) {
      let q = db
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_subscribers as s', 's.id', 'd.subscriber_id')
        .selectAll('d')
        .where('d.state', '=', 'pending')
        .where('s.state', '=', 'active')
        .where('d.created_at', '<', f.before);
      if (f.subscriber_id !== undefined) q = q.where('d.subscriber_id', '=', f.subscriber_id);
      const rows = await q.orderBy('d.created_at').orderBy('d.id').limit(bounded(f.limit)).execute();
      return rows.map(toDelivery);
    },

    async lastDeliveries(ids) {
      const out = new Map<string, WebhookDelivery>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .selectAll('d')
        .where('d.subscriber_id', 'in', [...ids])
        .where(({ eb, selectFrom }) =>
          eb('d.created_at', '=', selectFrom('webhook_deliveries as n').select((x) => x.fn.max('n.created_at').as('m')).whereRef('n.subscriber_id', '=', 'd.subscriber_id')))
        .orderBy('d.id', 'desc')
        .execute();
      for (const row of rows) if (!out.has(row.subscriber_id)) out.set(row.subscriber_id, toDelivery(row));
      return out;
    },

    async pruneDeliveries({ before, keep }) {
      let removed = 0;
      const subscribers = await db.selectFrom('webhook_subscribers').select('id').orderBy('id').execute();
      for (const { id: subscriberId } of subscribers) {
        let kept: { created_at: number; id: string } | undefined;
        if (keep > 0) {
          const row = await db.selectFrom('webhook_deliveries').select(['created_at', 'id']).where('subscriber_id', '=', subscriberId)
            .orderBy('created_at', 'desc').orderBy('id', 'desc').offset(keep - 1).limit(1).executeTakeFirst();
          // Fewer than `keep`: all stay.
          if (!row) continue;
          kept = { created_at: Number(row.created_at), id: row.id };
        }
        for (;;) {
          const batch = await inTransaction(db, async (trx) => {
            const ids = (await trx.selectFrom('webhook_deliveries').select('id').where('subscriber_id', '=', subscriberId)
              .where('state', 'in', FINISHED).where(olderThan(before, kept)).limit(PRUNE_BATCH).execute()).map((r) => r.id);
            if (ids.length === 0) return 0;
            await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', ids).execute();
            const result = await trx.deleteFrom('webhook_deliveries').where('id', 'in', ids).executeTakeFirst();
            return Number(result.numDeletedRows);
          });
          removed += batch;
          if (batch < PRUNE_BATCH) break;
        }
      }
      return removed;
    },

    async recordAttempt(deliveryId, attempt, outcome, policy) {
      return inTransaction(db, async (trx) => {
        const at = attempt.at;
        const delivery = await trx
          .updateTable('webhook_deliveries')
          .set({
            attempts: sql<number>`attempts + 1`,
            last_attempt_at: at,
            state: outcome === 'retry' ? 'pending' : outcome,
            ...(outcome === 'delivered' && { delivered_at: at }),
          })
          .where('id', '=', deliveryId)
          .where('state', '=', 'pending')
          .returningAll()
          .executeTakeFirst();
        if (!delivery) return undefined;
        await trx.insertInto('webhook_attempts').values({
          delivery_id: deliveryId, n: Number(delivery.attempts), at, http_status: attempt.http_status,
          error: attempt.error === null ? null : withoutNul(attempt.error).slice(0, MAX_ATTEMPT_EXCERPT),
          latency_ms: Math.max(0, Math.round(attempt.latency_ms)),
          excerpt: withoutNul(attempt.excerpt).slice(0, MAX_ATTEMPT_EXCERPT),
        }).execute();
        const failed = outcome === 'failed' || outcome === 'dead';
        const counts =
          outcome === 'delivered'
            ? { consecutive_failures: 0, failing_since: null }
            : {
                ...(failed && { consecutive_failures: sql<number>`consecutive_failures + 1` }),
                failing_since: sql<number>`coalesce(failing_since, ${at})`,
              };
        await trx.updateTable('webhook_subscribers').set(counts).where('id', '=', delivery.subscriber_id).execute();
        let paused = false;
        if (outcome !== 'delivered') {
          const reason = `${policy.failures} deliveries in a row failed, or attempts failed for ${Math.round(policy.failingForMs / 3_600_000)} h`;
          const result = await trx
            .updateTable('webhook_subscribers')
            .set({ state: 'paused', paused_at: at, pause_reason: reason, updated_at: at })
            .where('id', '=', delivery.subscriber_id)
            .where('state', '=', 'active')
            .where((eb) => eb.or([
              eb('consecutive_failures', '>=', policy.failures),
              eb('failing_since', '<=', at - policy.failingForMs),
            ]))
            .executeTakeFirst();
          paused = Number(result.numUpdatedRows) === 1;
        }
        const subscriber = await trx.selectFrom('webhook_subscribers').selectAll().where('id', '=', delivery.subscriber_id).executeTakeFirstOrThrow();
        return { delivery: toDelivery(delivery), subscriber: toSubscriber(subscriber), paused };
      });
    },
  };
}
