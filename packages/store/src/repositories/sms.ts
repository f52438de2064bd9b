/**
 * The SMS channel's records (sms.ts). `exchange` is the one write of an
 * inbound message: the claim of its provider id, the conversation at the
 * version it was read and the log, in one transaction. A claim taken before
 * (a replay racing the first delivery) or a conversation saved meanwhile
 * rolls all of it back.
 */
import type { Selectable } from 'kysely';
import type {
  NewSmsMessage, SmsConversation, SmsConversationWrite, SmsExchangeOutcome, SmsInboundClaim, SmsMessage, SmsStore,
} from '../sms.js';
import type { SmsMessagesTable } from '../schema/sms-tables.js';
import { isUniqueViolation, parseRowId, type Db, type Trx } from './shared.js';

class Refused extends Error {
  constructor(readonly reason: 'replayed' | 'conflict') {
    super(reason);
  }
}

const logRow = (m: NewSmsMessage, provider_id: string | null = null) => ({
  jurisdiction_id: m.jurisdiction_id, phone: m.phone, direction: m.direction, body: m.body, state: m.state,
  created_at: m.at, sent_at: null, provider_id,
});

/** The provider id logged with an inbound message and its replies. */
const inboundKey = (c: Omit<SmsInboundClaim, 'at'>): string => `${c.provider}:${c.message_id}`;

async function claim(trx: Trx, c: SmsInboundClaim): Promise<void> {
  try {
    await trx.insertInto('sms_handled').values({ provider: c.provider, message_id: c.message_id, at: c.at }).execute();
  } catch (e) {
    if (isUniqueViolation(e)) throw new Refused('replayed');
    throw e;
  }
}

async function write(trx: Trx, w: SmsConversationWrite, at: number, j: string, phone: string): Promise<void> {
  if (w.kind === 'keep') return;
  if (w.kind === 'end') {
    const done = await trx.deleteFrom('sms_conversations')
      .where('jurisdiction_id', '=', j).where('phone', '=', phone).where('version', '=', w.version).executeTakeFirst();
    if (done.numDeletedRows !== 1n) throw new Refused('conflict');
    return;
  }
  const c = w.conversation;
  if (w.version === null) {
    try {
      await trx.insertInto('sms_conversations').values({ ...c, version: 1, updated_at: at }).execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new Refused('conflict');
      throw e;
    }
    return;
  }
  const done = await trx.updateTable('sms_conversations')
    .set({ id: c.id, locale: c.locale, state: c.state, version: w.version + 1, updated_at: at })
    .where('jurisdiction_id', '=', c.jurisdiction_id).where('phone', '=', c.phone).where('version', '=', w.version)
    .executeTakeFirst();
  if (done.numUpdatedRows !== 1n) throw new Refused('conflict');
}

function toMessage(r: Selectable<SmsMessagesTable>): SmsMessage {
  return {
    id: String(r.id), jurisdiction_id: r.jurisdiction_id, phone: r.phone, direction: r.direction, body: r.body, state: r.state,
    at: Number(r.created_at), sent_at: r.sent_at === null ? null : Number(r.sent_at), provider_id: r.provider_id,
  };
}

export function smsStore(db: Db): SmsStore {
  return {
    async conversation(jurisdiction_id, phone) {
      const r = await db.selectFrom('sms_conversations').selectAll()
        .where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone).executeTakeFirst();
      return r && ({ ...r, version: Number(r.version), updated_at: Number(r.updated_at) } satisfies SmsConversation);
    },

    async handled(provider, message_id) {
      const r = await db.selectFrom('sms_handled').select('at')
        .where('provider', '=', provider).where('message_id', '=', message_id).executeTakeFirst();
      return r !== undefined;
    },

    async repliesTo(c, jurisdiction_id, phone) {
      const rows = await db.selectFrom('sms_messages').select(['direction', 'body'])
        .where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone).where('provider_id', '=', inboundKey(c))
        .orderBy('id').execute();
      if (!rows.some((r) => r.direction === 'in')) return undefined;
      return rows.filter((r) => r.direction === 'out').map((r) => r.body);
    },

    async exchange(c, w, log): Promise<SmsExchangeOutcome> {
      const first = log[0];
      try {
        await db.transaction().execute(async (trx) => {
          await claim(trx, c);
          if (first) await write(trx, w, c.at, first.jurisdiction_id, first.phone);
          else if (w.kind !== 'keep') throw new RangeError('a conversation write needs the inbound message in the log');
          if (log.length > 0) await trx.insertInto('sms_messages').values(log.map((m) => logRow(m, inboundKey(c)))).execute();
        });
        return { ok: true };
      } catch (e) {
        if (e instanceof Refused) return { ok: false, reason: e.reason };
        throw e;
      }
    },

    async optOut(jurisdiction_id, phone, at) {
      await db.insertInto('sms_opt_outs').values({ jurisdiction_id, phone, at })
        .onConflict((oc) => oc.columns(['jurisdiction_id', 'phone']).doNothing()).execute();
    },

    async optIn(jurisdiction_id, phone) {
      await db.deleteFrom('sms_opt_outs').where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone).execute();
    },

    async optedOut(jurisdiction_id, phone) {
      const r = await db.selectFrom('sms_opt_outs').select('at')
        .where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone).executeTakeFirst();
      return r !== undefined;
    },

    async subscribe(jurisdiction_id, request_id, s, at) {
      const id = parseRowId(request_id);
      if (id === undefined) throw new RangeError(`no request ${request_id}`);
      await db.insertInto('sms_subscriptions')
        .values({ request_id: id, phone: s.phone, jurisdiction_id, locale: s.locale, last_status: null, created_at: at })
        .onConflict((oc) => oc.columns(['request_id', 'phone']).doNothing()).execute();
    },

    async subscribers(jurisdiction_id, request_id) {
      const id = parseRowId(request_id);
      if (id === undefined) return [];
      return db.selectFrom('sms_subscriptions').select(['phone', 'locale', 'last_status'])
        .where('request_id', '=', id).where('jurisdiction_id', '=', jurisdiction_id).orderBy('created_at').execute();
    },

    async told(jurisdiction_id, request_id, phone, before, status) {
      const id = parseRowId(request_id);
      if (id === undefined) return false;
      const done = await db.updateTable('sms_subscriptions').set({ last_status: status })
        .where('request_id', '=', id).where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone)
        .where((eb) => (before === null ? eb('last_status', 'is', null) : eb('last_status', '=', before)))
        .executeTakeFirst();
      return done.numUpdatedRows === 1n;
    },

    async log(m) {
      const row = await db.insertInto('sms_messages').values(logRow(m)).returning('id').executeTakeFirstOrThrow();
      return String(row.id);
    },

    async message(id) {
      const row = parseRowId(id);
      const r = row === undefined ? undefined : await db.selectFrom('sms_messages').selectAll().where('id', '=', row).executeTakeFirst();
      return r && toMessage(r);
    },

    async settle(id, outcome) {
      const row = parseRowId(id);
      if (row === undefined) return false;
      const done = await db.updateTable('sms_messages')
        .set(outcome.state === 'sent' ? { state: 'sent', sent_at: outcome.at, provider_id: outcome.provider_id } : { state: 'failed' })
        .where('id', '=', row).where('state', '=', 'queued').executeTakeFirst();
      return done.numUpdatedRows === 1n;
    },

    async messagesOf(jurisdiction_id, phone, limit) {
      const rows = await db.selectFrom('sms_messages').selectAll()
        .where('jurisdiction_id', '=', jurisdiction_id).where('phone', '=', phone)
        .orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toMessage).reverse();
    },

    async expireConversations(before) {
      const done = await db.deleteFrom('sms_conversations').where('updated_at', '<', before).executeTakeFirst();
      return Number(done.numDeletedRows);
    },

    async prune(before) {
      await db.deleteFrom('sms_handled').where('at', '<', before).execute();
      const done = await db.deleteFrom('sms_messages').where('created_at', '<', before).where('state', '!=', 'queued').executeTakeFirst();
      return Number(done.numDeletedRows);
    },
  };
}
