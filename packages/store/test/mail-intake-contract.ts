/**
 * The contract suite of the e-mail intake's records (mail-intake.ts, issue
 * 15): the same behaviour on SQLite and PostgreSQL, run by mail-intake.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { InboundMail, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, addJurisdiction, newRequest, uid, withFreshStore } from './fixtures.js';

export function runMailIntakeContract(dialect: TestDialect): void {
  describe(`mail intake contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const mail = (j: string, over: Partial<InboundMail> = {}): InboundMail => ({
      jurisdiction_id: j, message_id: `${uid('m')}@example.org`, sender: 'jane@example.org', subject: 'Pothole', received_at: T0, ...over,
    });
    const count = async (j: string) => (await store.listRequests({ jurisdiction_id: j, limit: 100, offset: 0 })).length;

    it('files a request with its thread and row in one go, and a redelivery gives it back without writing', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j);
      const token = uid('tok-0123456789');
      const first = await store.mailIntake.fileRequest(m, newRequest(j, { channel: 'email' }), token);
      expect(first.replayed).toBe(false);
      expect(await store.mailIntake.find(j, m.message_id)).toMatchObject({ verdict: 'filed', request_id: first.request.id, raw_size: 0 });
      expect(await store.mailIntake.threadByToken(token)).toEqual({
        jurisdiction_id: j, request_id: first.request.id, token, root_message_id: m.message_id, last_message_id: m.message_id,
      });
      const again = await store.mailIntake.fileRequest(m, newRequest(j), uid('tok-other-0123456'));
      expect(again).toMatchObject({ replayed: true, request: { id: first.request.id } });
      expect(await count(j)).toBe(1);
    });

    it('files a message delivered six times at once one time', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j);
      const both = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => store.mailIntake.fileRequest(m, newRequest(j), uid(`tok-${i}-0123456789`))));
      expect(both.filter((b) => !b.replayed)).toHaveLength(1);
      expect(new Set(both.map((b) => b.request.id)).size).toBe(1);
      expect(await count(j)).toBe(1);
    });

    it('writes nothing when the request cannot be written', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j);
      await expect(store.mailIntake.fileRequest(m, newRequest(j, { service_code: 'no-such-service' }), uid('tok-0123456789'))).rejects.toThrow();
      expect(await store.mailIntake.find(j, m.message_id)).toBeUndefined();
      expect(await count(j)).toBe(0);
    });

    it('claims a message once, keeps raw bytes only in quarantine, and forgets a claim given back', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j);
      const raw = new Uint8Array(Buffer.from('From: x\r\n\r\nbody'));
      const claimed = await store.mailIntake.claim(m, 'quarantined', { reason: 'sender-limit', raw });
      expect(claimed.claimed).toBe(true);
      const again = await store.mailIntake.claim(m, 'ignored', { reason: 'bulk' });
      expect(again).toMatchObject({ claimed: false, earlier: { verdict: 'quarantined', reason: 'sender-limit', raw_size: raw.byteLength } });
      const ignored = mail(j);
      const loop = await store.mailIntake.claim(ignored, 'ignored', { reason: 'bulk', raw });
      expect(loop.claimed).toBe(true);
      expect((await store.mailIntake.find(j, ignored.message_id))?.raw_size).toBe(0);
      if (loop.claimed) await store.mailIntake.unclaim(loop.id);
      expect(await store.mailIntake.find(j, ignored.message_id)).toBeUndefined();
    });

    it('lists quarantined mail of the jurisdiction only, newest first, gives its bytes, and deletes it once', async () => {
      const j = await addJurisdiction(store);
      const other = await addJurisdiction(store);
      const raw = new Uint8Array(Buffer.from('raw message'));
      const older = await store.mailIntake.claim(mail(j, { received_at: T0 }), 'quarantined', { reason: 'a', raw });
      const newer = await store.mailIntake.claim(mail(j, { received_at: T0 + 1 }), 'quarantined', { reason: 'b', raw });
      await store.mailIntake.claim(mail(other), 'quarantined', { reason: 'c', raw });
      const listed = await store.mailIntake.quarantined(j, 10);
      expect(listed.map((r) => r.reason)).toEqual(['b', 'a']);
      if (!older.claimed || !newer.claimed) throw new Error('not claimed');
      expect(Buffer.from((await store.mailIntake.quarantinedMail(j, older.id))!.raw).toString()).toBe('raw message');
      expect(await store.mailIntake.quarantinedMail(other, older.id)).toBeUndefined();
      expect(await store.mailIntake.discard(other, older.id)).toBe(false);
      expect(await store.mailIntake.discard(j, older.id)).toBe(true);
      expect(await store.mailIntake.discard(j, older.id)).toBe(false);
      expect(await store.mailIntake.quarantinedMail(j, older.id)).toBeUndefined();
      expect((await store.mailIntake.quarantined(j, 10)).map((r) => r.reason)).toEqual(['b']);
    });

    it('files a released quarantined message in place of its row', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j);
      await store.mailIntake.claim(m, 'quarantined', { reason: 'sender-limit', raw: new Uint8Array([1, 2, 3]) });
      const filed = await store.mailIntake.fileRequest(m, newRequest(j), uid('tok-0123456789'));
      expect(await store.mailIntake.find(j, m.message_id)).toMatchObject({ verdict: 'filed', request_id: filed.request.id, raw_size: 0 });
      expect(await store.mailIntake.quarantined(j, 10)).toEqual([]);
    });

    it('keeps the threading headers of an outbox message (migration 0028), and none for plain mail', async () => {
      const threading = { messageId: 'o311.tok.x@riverton.example', inReplyTo: 'a@example.org', references: ['a@example.org'], replyTo: 'r+tok@riverton.example' };
      const threaded = await store.enqueueMail({ to: 'jane@example.org', subject: 's', text: 't', html: null, threading }, T0);
      const plain = await store.enqueueMail({ to: 'jane@example.org', subject: 's', text: 't', html: null }, T0);
      expect((await store.getMail(threaded.id))?.threading).toEqual(threading);
      expect((await store.getMail(plain.id))?.threading).toBeNull();
    });

    it('notes the newest reply of a thread, and prunes old rows but keeps threads', async () => {
      const j = await addJurisdiction(store);
      const m = mail(j, { received_at: T0 });
      const token = uid('tok-0123456789');
      const { request } = await store.mailIntake.fileRequest(m, newRequest(j), token);
      await store.mailIntake.noteReply(j, request.id, 'reply-1@example.org');
      expect(await store.mailIntake.threadOf(j, request.id)).toMatchObject({ root_message_id: m.message_id, last_message_id: 'reply-1@example.org' });
      expect(await store.mailIntake.prune(T0 + 1)).toBeGreaterThanOrEqual(1);
      expect(await store.mailIntake.find(j, m.message_id)).toBeUndefined();
      expect(await store.mailIntake.threadByToken(token)).toBeDefined();
    });
  });
}
