/**
 * The contract suite of the SMS channel's records (sms.ts, issue 15): the same
 * behaviour on SQLite and PostgreSQL, run by sms.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { NewSmsMessage, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, addJurisdiction, newRequest, uid, withFreshStore } from './fixtures.js';

export function runSmsContract(dialect: TestDialect): void {
  describe(`SMS contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const phone = '+15550100001';
    const inbound = (j: string, body: string, at = T0): NewSmsMessage => ({ jurisdiction_id: j, phone, direction: 'in', body, state: 'logged', at });
    const reply = (j: string, body: string, at = T0): NewSmsMessage => ({ ...inbound(j, body, at), direction: 'out' });
    const claim = (at = T0) => ({ provider: 'test', message_id: uid('SM'), at });

    it('saves a conversation with the message it answers, and refuses a replay of that message', async () => {
      const j = await addJurisdiction(store);
      const c = claim();
      const save = { kind: 'save', version: null, conversation: { id: 'c1', jurisdiction_id: j, phone, locale: 'es', state: '{"step":"service"}' } } as const;
      expect(await store.sms.handled(c.provider, c.message_id)).toBe(false);
      expect(await store.sms.exchange(c, save, [inbound(j, 'Hola'), reply(j, 'Que quiere reportar?')])).toEqual({ ok: true });
      expect(await store.sms.handled(c.provider, c.message_id)).toBe(true);
      expect(await store.sms.conversation(j, phone)).toMatchObject({ id: 'c1', locale: 'es', state: '{"step":"service"}', version: 1, updated_at: T0 });
      // The same provider message again: nothing written, not even its log.
      expect(await store.sms.exchange(c, { kind: 'keep' }, [inbound(j, 'Hola')])).toEqual({ ok: false, reason: 'replayed' });
      expect((await store.sms.messagesOf(j, phone, 10)).map((m) => [m.direction, m.body])).toEqual([['in', 'Hola'], ['out', 'Que quiere reportar?']]);
    });

    it('gives the replies of a handled message again, for its own number only', async () => {
      const j = await addJurisdiction(store);
      const c = claim();
      expect(await store.sms.exchange(c, { kind: 'keep' }, [inbound(j, 'YES'), reply(j, 'Thank you! 1'), reply(j, 'Updates follow')])).toEqual({ ok: true });
      await store.sms.exchange(claim(), { kind: 'keep' }, [inbound(j, 'HELP'), reply(j, 'Help text')]);
      expect(await store.sms.repliesTo(c, j, phone)).toEqual(['Thank you! 1', 'Updates follow']);
      expect(await store.sms.repliesTo(c, j, '+15550100999')).toBeUndefined();
      expect(await store.sms.repliesTo({ provider: c.provider, message_id: 'never' }, j, phone)).toBeUndefined();
      const quiet = claim();
      await store.sms.exchange(quiet, { kind: 'keep' }, [inbound(j, 'opted out')]);
      expect(await store.sms.repliesTo(quiet, j, phone)).toEqual([]);
    });

    it('refuses a save at a version that moved on, and writes nothing of it', async () => {
      const j = await addJurisdiction(store);
      const conversation = { id: 'c2', jurisdiction_id: j, phone, locale: 'en', state: '{}' };
      await store.sms.exchange(claim(), { kind: 'save', version: null, conversation }, [inbound(j, 'hi')]);
      const lost = claim(T0 + 1);
      expect(await store.sms.exchange(lost, { kind: 'save', version: null, conversation }, [inbound(j, 'again', T0 + 1)])).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.sms.exchange(lost, { kind: 'save', version: 7, conversation }, [inbound(j, 'again', T0 + 1)])).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.sms.exchange(lost, { kind: 'end', version: 7 }, [inbound(j, 'again', T0 + 1)])).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.sms.handled(lost.provider, lost.message_id)).toBe(false);
      expect(await store.sms.messagesOf(j, phone, 10)).toHaveLength(1);
      expect(await store.sms.exchange(lost, { kind: 'save', version: 1, conversation: { ...conversation, state: '{"n":2}' } }, [inbound(j, 'again', T0 + 1)])).toEqual({ ok: true });
      expect(await store.sms.conversation(j, phone)).toMatchObject({ state: '{"n":2}', version: 2, updated_at: T0 + 1 });
      expect(await store.sms.exchange(claim(), { kind: 'end', version: 2 }, [inbound(j, 'cancel')])).toEqual({ ok: true });
      expect(await store.sms.conversation(j, phone)).toBeUndefined();
    });

    it('keeps opt-outs per jurisdiction until START', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      await store.sms.optOut(j, phone, T0);
      await store.sms.optOut(j, phone, T0 + 1);
      expect(await store.sms.optedOut(j, phone)).toBe(true);
      expect(await store.sms.optedOut(other, phone)).toBe(false);
      await store.sms.optIn(j, phone);
      expect(await store.sms.optedOut(j, phone)).toBe(false);
    });

    it('lists the followers of a request once each, with the status they were last told', async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      await store.sms.subscribe(j, r.id, { phone, locale: 'es' }, T0);
      await store.sms.subscribe(j, r.id, { phone, locale: 'es' }, T0 + 1);
      expect(await store.sms.subscribers(j, r.id)).toEqual([{ phone, locale: 'es', last_status: null }]);
      expect(await store.sms.told(j, r.id, phone, null, 'closed')).toBe(true);
      // A second job that read the same follower before the first one wrote: it tells nothing.
      expect(await store.sms.told(j, r.id, phone, null, 'closed')).toBe(false);
      expect(await store.sms.told(j, r.id, phone, 'open', 'fixed')).toBe(false);
      expect(await store.sms.subscribers(j, r.id)).toEqual([{ phone, locale: 'es', last_status: 'closed' }]);
      expect(await store.sms.told(j, r.id, phone, 'closed', 'reopen')).toBe(true);
      expect(await store.sms.told(j, 'nope', phone, null, 'open')).toBe(false);
      expect(await store.sms.subscribers(await addJurisdiction(store), r.id)).toEqual([]);
      expect(await store.sms.subscribers(j, 'nope')).toEqual([]);
      await expect(store.sms.subscribe(j, 'nope', { phone, locale: 'en' }, T0)).rejects.toThrow(RangeError);
    });

    it('queues outbound messages and settles each once', async () => {
      const j = await addJurisdiction(store);
      const id = await store.sms.log({ ...reply(j, 'Report 1 is now closed.'), state: 'queued' });
      expect(await store.sms.message(id)).toMatchObject({ id, state: 'queued', sent_at: null, provider_id: null, body: 'Report 1 is now closed.' });
      expect(await store.sms.settle(id, { state: 'sent', at: T0 + 5, provider_id: 'SM1' })).toBe(true);
      expect(await store.sms.settle(id, { state: 'failed' })).toBe(false);
      expect(await store.sms.message(id)).toMatchObject({ state: 'sent', sent_at: T0 + 5, provider_id: 'SM1' });
      expect(await store.sms.message('x')).toBeUndefined();
      expect(await store.sms.settle('x', { state: 'failed' })).toBe(false);
    });

    it('answers the newest messages of a number in the order they were written', async () => {
      const j = await addJurisdiction(store);
      for (const body of ['1', '2', '3', '4']) await store.sms.log(inbound(j, body));
      expect((await store.sms.messagesOf(j, phone, 3)).map((m) => m.body)).toEqual(['2', '3', '4']);
      expect(await store.sms.messagesOf(j, '+15550100999', 3)).toEqual([]);
    });

    it('forgets stale conversations and old messages, but never a queued one', async () => {
      const j = await addJurisdiction(store);
      const conversation = { id: 'c3', jurisdiction_id: j, phone, locale: 'en', state: '{}' };
      const old = claim(T0 - 10);
      await store.sms.exchange(old, { kind: 'save', version: null, conversation }, [inbound(j, 'old', T0 - 10)]);
      const queued = await store.sms.log({ ...reply(j, 'waiting', T0 - 10), state: 'queued' });
      expect(await store.sms.expireConversations(T0 - 10)).toBe(0);
      expect(await store.sms.expireConversations(T0)).toBeGreaterThanOrEqual(1);
      expect(await store.sms.conversation(j, phone)).toBeUndefined();
      expect(await store.sms.prune(T0)).toBeGreaterThanOrEqual(1);
      expect(await store.sms.handled(old.provider, old.message_id)).toBe(false);
      expect((await store.sms.messagesOf(j, phone, 10)).map((m) => m.id)).toEqual([queued]);
    });
  });
}
