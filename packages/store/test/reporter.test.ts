/**
 * The reporter's records (reporter.ts, issue 14): settings, enrollment, secret
 * links and "is it fixed?" questions, the same on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORTER_SETTINGS, type Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, HOUR, newRequest, T0, withFreshStore } from './fixtures.js';

const DAY = 24 * HOUR;

function runReporterContract(dialect: TestDialect): void {
  describe(`Reporter records: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    it('answers the defaults until settings are saved, then the saved ones', async () => {
      const j = await addJurisdiction(store);
      expect(await store.reporter.settings(j)).toEqual({ jurisdiction_id: j, ...DEFAULT_REPORTER_SETTINGS });
      const saved = { jurisdiction_id: j, receipts_for_api: true, question_delay_hours: 48, reopen_window_days: 7 };
      expect(await store.reporter.saveSettings(saved, T0)).toEqual(saved);
      expect(await store.reporter.saveSettings({ ...saved, receipts_for_api: false }, T0 + 1)).toEqual({ ...saved, receipts_for_api: false });
    });

    it('enrolls a request once, keeping the first language; refuses one of another jurisdiction', async () => {
      const j = await addJurisdiction(store);
      const k = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      expect(await store.reporter.enroll({ jurisdiction_id: k, request_id: r.id, locale: 'es' }, T0)).toBe(false);
      expect(await store.reporter.enroll({ jurisdiction_id: j, request_id: r.id, locale: 'es' }, T0)).toBe(true);
      expect(await store.reporter.enroll({ jurisdiction_id: j, request_id: r.id, locale: 'fr' }, T0 + 1)).toBe(false);
      expect(await store.reporter.enrollment(j, r.id)).toEqual({ jurisdiction_id: j, request_id: r.id, locale: 'es', enrolled_at: T0 });
      expect(await store.reporter.enrollment(k, r.id)).toBeUndefined();
      expect(await store.reporter.enroll({ jurisdiction_id: j, request_id: 'nope', locale: null }, T0)).toBe(false);
    });

    it('finds a secret link until it expires; keeps only its hash; several may live side by side', async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      const a = await store.reporter.issueToken(j, r.id, T0, T0 + DAY);
      const b = await store.reporter.issueToken(j, r.id, T0, T0 + 2 * DAY);
      expect(a).toMatch(/^o311r_/);
      expect(a).not.toBe(b);
      expect(await store.reporter.findToken(a, T0 + 1)).toEqual({ jurisdiction_id: j, request_id: r.id });
      expect(await store.reporter.findToken(a, T0 + DAY)).toBeUndefined();
      expect(await store.reporter.findToken(b, T0 + DAY)).toEqual({ jurisdiction_id: j, request_id: r.id });
      expect(await store.reporter.findToken(`${a}x`, T0)).toBeUndefined();
      expect(await store.reporter.findToken('', T0)).toBeUndefined();
    });

    it('asks about each closing of an enrolled request once, after the delay, and takes one answer', async () => {
      const j = await addJurisdiction(store);
      await store.reporter.saveSettings({ jurisdiction_id: j, receipts_for_api: false, question_delay_hours: 2, reopen_window_days: 30 }, T0);
      const r = await store.createRequest(newRequest(j));
      const other = await store.createRequest(newRequest(j));
      await store.reporter.enroll({ jurisdiction_id: j, request_id: r.id, locale: null }, T0);
      const closing = { change_id: 900_000_001, jurisdiction_id: j, request_id: r.id, at: T0 };
      const notEnrolled = { change_id: 900_000_002, jurisdiction_id: j, request_id: other.id, at: T0 };
      expect(await store.reporter.noteClosings([closing, notEnrolled])).toBe(1);
      expect(await store.reporter.noteClosings([closing])).toBe(0);
      const mine = async (now: number) => (await store.reporter.dueQuestions(now, 100)).filter((q) => q.jurisdiction_id === j);
      expect(await mine(T0 + HOUR)).toEqual([]);
      const [due] = await mine(T0 + 2 * HOUR);
      expect(due).toEqual({
        change_id: 900_000_001, jurisdiction_id: j, request_id: r.id, closed_at: T0, due_at: T0 + 2 * HOUR, asked_at: null, answer: null, answered_at: null,
      });
      expect(await store.reporter.latestQuestion(j, r.id)).toBeUndefined();
      expect(await store.reporter.markAsked(due!.change_id, T0 + 3 * HOUR)).toBe(true);
      expect(await store.reporter.markAsked(due!.change_id, T0 + 4 * HOUR)).toBe(false);
      expect(await mine(T0 + 5 * HOUR)).toEqual([]);
      expect(await store.reporter.answer(due!.change_id, 'no', T0 + 6 * HOUR)).toBe(true);
      expect(await store.reporter.answer(due!.change_id, 'yes', T0 + 7 * HOUR)).toBe(false);
      expect(await store.reporter.latestQuestion(j, r.id)).toMatchObject({ asked_at: T0 + 3 * HOUR, answer: 'no', answered_at: T0 + 6 * HOUR });
    });

    it('stores a reporter photo served by id, apart from the report\'s own photos; none for an unknown request', async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      const photo = { content_type: 'image/png', filename: 'p.png', bytes: Buffer.from([1, 2, 3]) };
      const id = await store.reporter.addPhoto(j, r.id, photo, T0);
      expect(await store.getMedia(id!)).toEqual({ id, request_id: r.id, ...photo });
      expect((await store.getRequest(j, r.id))!.media_ids).toEqual([]);
      expect(await store.reporter.addPhoto(j, '999999999', photo, T0)).toBeUndefined();
    });

    it('forgets everything of a request removed by a reset', async () => {
      const j = await addJurisdiction(store);
      const r = await store.createRequest(newRequest(j));
      await store.reporter.enroll({ jurisdiction_id: j, request_id: r.id, locale: 'fr' }, T0);
      const secret = await store.reporter.issueToken(j, r.id, T0, T0 + DAY);
      await store.clearRequests(j);
      expect(await store.reporter.enrollment(j, r.id)).toBeUndefined();
      expect(await store.reporter.findToken(secret, T0)).toBeUndefined();
    });
  });
}

runReporterContract('sqlite');
runReporterContract('postgres');
