/**
 * The contract suite of moderation (moderation.ts, issue 14): the same
 * behaviour on SQLite and PostgreSQL, run by moderation.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { T0, addJurisdiction, imported, newRequest, withFreshStore } from './fixtures.js';

const photo = (n: number) => ({ content_type: 'image/png', filename: `p${n}.png`, bytes: Buffer.from([0x89, n]) });
const by = { reason: 'A phone number', actor: 'user-1', at: T0 + 1000 };

export function runModerationContract(dialect: TestDialect): void {
  describe(`Moderation contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));
    const m = () => store.moderation;
    const request = async (over: Parameters<typeof newRequest>[1] = {}) => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j, { description: 'Call me at 555-0100', requested_at: T0, ...over }));
      return { j, r };
    };

    it('redacts the description into the public record, keeps the original, logs a change and moves the data version', async () => {
      const { j, r } = await request();
      const version = await store.dataVersion();
      const feed = await store.changes.latest();
      const done = await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'description', text: 'Call me at [redacted]', ...by });
      expect(done).toMatchObject({ ok: true, entry: { target: 'description', target_id: '', action: 'redact', original: 'Call me at 555-0100', moderated: 'Call me at [redacted]', reason: 'A phone number', actor: 'user-1', at: T0 + 1000 } });
      expect((await store.getPublicRequest(j, r.id))?.description).toBe('Call me at [redacted]');
      expect((await store.getPublicRequest(j, r.id))?.updated_at).toBe(T0 + 1000);
      expect(await store.dataVersion()).not.toBe(version);
      const changes = await store.changes.after(feed, 10, T0 + 2000);
      expect(changes.map((c) => [c.request_id, c.kind])).toEqual([[r.id, 'updated']]);
      expect(await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'description', text: 'Call me at [redacted]', ...by })).toEqual({ ok: false, reason: 'unchanged' });
      await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'description', text: 'Call me', ...by, at: T0 + 2000 });
      expect((await m().list(j, r.id)).map((e) => [e.original, e.moderated])).toEqual([['Call me at 555-0100', 'Call me at [redacted]'], ['Call me at [redacted]', 'Call me']]);
    });

    it('refuses another jurisdiction, an unknown request and a request without description; nothing is written', async () => {
      const { j, r } = await request();
      const other = await addJurisdiction(store);
      const feed = await store.changes.latest();
      expect(await m().redact({ jurisdiction_id: other, request_id: r.id, target: 'description', text: 'x', ...by })).toEqual({ ok: false, reason: 'not-found' });
      expect(await m().redact({ jurisdiction_id: j, request_id: '99999999', target: 'description', text: 'x', ...by })).toEqual({ ok: false, reason: 'not-found' });
      expect(await m().redact({ jurisdiction_id: j, request_id: 'abc', target: 'description', text: 'x', ...by })).toEqual({ ok: false, reason: 'not-found' });
      expect(await store.changes.latest()).toBe(feed);
      const { j: j2, r: bare } = await request({ description: null });
      expect(await m().redact({ jurisdiction_id: j2, request_id: bare.id, target: 'description', text: 'x', ...by })).toEqual({ ok: false, reason: 'not-found' });
      expect(await m().list(other, r.id)).toEqual([]);
      expect((await store.getPublicRequest(j, r.id))?.description).toBe('Call me at 555-0100');
    });

    it('redacts a public comment and a status note (and status_notes with it), never an internal note', async () => {
      const { j, r } = await request();
      const comment = await store.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'Reporter says 555-0100', public: true, author: 'A', at: T0 + 10 });
      const internal = await store.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'secret', public: false, author: 'A', at: T0 + 20 });
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'in_progress', note: 'Crew told 555-0100', author: 'A', at: T0 + 30 });
      const events = await store.listEvents(j, r.id);
      const note = events.find((e) => e.type === 'status_change')!;
      expect((await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'comment', target_id: comment!.id, text: 'Reporter says [redacted]', ...by })).ok).toBe(true);
      expect((await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'comment', target_id: note.id, text: 'Crew told [redacted]', ...by })).ok).toBe(true);
      expect(await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'comment', target_id: internal!.id, text: 'x', ...by })).toEqual({ ok: false, reason: 'not-found' });
      expect(await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'comment', target_id: 'nope', ...by, text: 'x' })).toEqual({ ok: false, reason: 'not-found' });
      const after = await store.listEvents(j, r.id);
      expect(after.map((e) => e.description)).toEqual(['', 'Reporter says [redacted]', 'Crew told [redacted]']);
      expect(after.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect((await store.getPublicRequest(j, r.id))?.status_notes).toBe('Crew told [redacted]');
      const updates = await store.listPublicUpdates(j, T0, T0 + 100, 10);
      expect(updates.map((u) => u.description)).toEqual(['Reporter says [redacted]', 'Crew told [redacted]']);
      const log = await m().list(j, r.id);
      expect(log.map((e) => [e.target, e.target_id, e.original])).toEqual([['comment', comment!.id, 'Reporter says 555-0100'], ['comment', note.id, 'Crew told 555-0100']]);
    });

    it('redacts an imported status note, stored first under its derived id', async () => {
      const j = await addJurisdiction(store);
      await store.importRequests([imported(j, { status: 'closed', status_notes: 'Fixed, call 555-0100', updated_at: T0 + 50 })]);
      const [found] = await store.listRequests({ jurisdiction_id: j, limit: 1, offset: 0 });
      const derived = (await store.listEvents(j, found!.id)).find((e) => e.type === 'status_change')!;
      expect((await m().redact({ jurisdiction_id: j, request_id: found!.id, target: 'comment', target_id: derived.id, text: 'Fixed', ...by })).ok).toBe(true);
      const events = await store.listEvents(j, found!.id);
      expect(events.find((e) => e.id === derived.id)?.description).toBe('Fixed');
      expect((await store.getPublicRequest(j, found!.id))?.status_notes).toBe('Fixed');
    });

    it('hides an upload from media_ids and the media read, shows it to staff, and unhides it in its place', async () => {
      const { j, r } = await request({ media: [photo(1), photo(2), photo(3)] });
      const [a, b, c] = r.media_ids as [string, string, string];
      const hid = await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: b, ...by });
      expect(hid).toMatchObject({ ok: true, entry: { target: 'photo', target_id: b, action: 'hide', original: 'media_ids', moderated: null } });
      expect((await store.getPublicRequest(j, r.id))?.media_ids).toEqual([a, c]);
      expect(await store.getMedia(b)).toBeUndefined();
      expect((await store.getMedia(a))?.bytes).toEqual(Buffer.from([0x89, 1]));
      expect((await m().hiddenUpload(j, b))?.bytes).toEqual(Buffer.from([0x89, 2]));
      expect(await m().hiddenUpload(j, a)).toBeUndefined();
      expect(await m().hiddenUpload(await addJurisdiction(store), b)).toBeUndefined();
      expect((await m().hidden(j, r.id)).map((h) => [h.target, h.target_id])).toEqual([['photo', b]]);
      expect(await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: b, ...by })).toEqual({ ok: false, reason: 'unchanged' });
      expect(await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: 'nope', ...by })).toEqual({ ok: false, reason: 'not-found' });
      await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: a, ...by });
      expect((await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: b, reason: 'Fine', actor: 'user-2', at: T0 + 3000 })).ok).toBe(true);
      expect((await store.getPublicRequest(j, r.id))?.media_ids).toEqual([b, c]);
      await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: a, ...by });
      expect((await store.getPublicRequest(j, r.id))?.media_ids).toEqual([a, b, c]);
      expect(await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: a, ...by })).toEqual({ ok: false, reason: 'unchanged' });
      expect(await m().hidden(j, r.id)).toEqual([]);
      expect((await m().list(j, r.id)).map((e) => e.action)).toEqual(['hide', 'hide', 'unhide', 'unhide']);
    });

    it("hides and shows again a client's link, of the request and of a history entry", async () => {
      const { j, r } = await request({ media_url: 'https://photos.example/1.jpg' });
      await store.changeStatus({ jurisdiction_id: j, request_id: r.id, status: 'in_progress', note: 'On it', author: 'A', at: T0 + 30, media_url: 'https://photos.example/2.jpg' });
      const note = (await store.listEvents(j, r.id)).find((e) => e.type === 'status_change')!;
      expect((await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: '', ...by })).ok).toBe(true);
      expect((await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: note.id, ...by })).ok).toBe(true);
      expect((await store.getPublicRequest(j, r.id))?.media_url).toBeNull();
      expect((await store.listEvents(j, r.id)).find((e) => e.id === note.id)?.media_url).toBeNull();
      expect((await m().hidden(j, r.id)).map((h) => [h.target_id, h.url])).toEqual([['', 'https://photos.example/1.jpg'], [note.id, 'https://photos.example/2.jpg']]);
      expect(await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: '', ...by })).toEqual({ ok: false, reason: 'unchanged' });
      expect((await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: '', ...by })).ok).toBe(true);
      expect((await store.getPublicRequest(j, r.id))?.media_url).toBe('https://photos.example/1.jpg');
      expect(await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: '', ...by })).toEqual({ ok: false, reason: 'unchanged' });
      const { j: j2, r: bare } = await request();
      expect(await m().hide({ jurisdiction_id: j2, request_id: bare.id, target: 'media_url', target_id: '', ...by })).toEqual({ ok: false, reason: 'not-found' });
    });

    it("hides an update's photo with its entry's link (its media URL too), and shows it again there, not among the request's photos", async () => {
      const { j, r } = await request({ media: [photo(1)] });
      const mediaId = (await store.reporter.addPhoto(j, r.id, photo(9), T0 + 5))!;
      const entry = await store.addComment!({ jurisdiction_id: j, request_id: r.id, description: 'Still broken', public: true, author: 'reporter', at: T0 + 10, media_url: `/open311/v2/media/${mediaId}` });
      expect((await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: entry!.id, ...by })).ok).toBe(true);
      expect(await store.getMedia(mediaId)).toBeUndefined();
      expect((await store.listEvents(j, r.id)).find((e) => e.id === entry!.id)?.media_url).toBeNull();
      expect((await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'media_url', target_id: entry!.id, ...by })).ok).toBe(true);
      expect((await store.getMedia(mediaId))?.bytes).toEqual(photo(9).bytes);
      // Hidden as a photo and shown again: it stays out of the request's own photos.
      await m().hide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: mediaId, ...by });
      expect(await store.getMedia(mediaId)).toBeUndefined();
      await m().unhide({ jurisdiction_id: j, request_id: r.id, target: 'photo', target_id: mediaId, ...by });
      expect((await store.getPublicRequest(j, r.id))?.media_ids).toEqual(r.media_ids);
      expect(await store.getMedia(mediaId)).toBeDefined();
    });

    it('removes the log with its request (a sandbox reset)', async () => {
      const { j, r } = await request();
      await m().redact({ jurisdiction_id: j, request_id: r.id, target: 'description', text: 'x', ...by });
      await store.clearRequests(j);
      expect(await m().list(j, r.id)).toEqual([]);
    });
  });
}
