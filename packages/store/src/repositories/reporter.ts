/**
 * The reporter's records (reporter.ts). Secrets are kept as SHA-256 only. A
 * question's moves (asked, answered) are conditional UPDATEs, so a retried job
 * or a second click never counts twice.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  DEFAULT_REPORTER_SETTINGS, REPORTER_ANSWERS, type ReporterQuestion, type ReporterSettings, type ReporterStore,
} from '../reporter.js';
import type { ReporterQuestionsTable } from '../schema/reporter-tables.js';
import { generateSecret, hashSecret } from '../secrets.js';
import { readStored } from './monitor-shared.js';
import { fromFlag, parseRowId, toFlag, type Db } from './shared.js';

const HOUR_MS = 3_600_000;
/** Past any upload of the report itself (at most a few), so the report's own photos keep their order. */
const REPORTER_PHOTO_POSITION = 10_000;

const toQuestion = (row: Selectable<ReporterQuestionsTable>): ReporterQuestion => ({
  change_id: Number(row.change_id),
  jurisdiction_id: row.jurisdiction_id,
  request_id: String(row.request_id),
  closed_at: Number(row.closed_at),
  due_at: Number(row.due_at),
  asked_at: row.asked_at === null ? null : Number(row.asked_at),
  answer: row.answer === null ? null : readStored(REPORTER_ANSWERS, row.answer, 'reporter answer'),
  answered_at: row.answered_at === null ? null : Number(row.answered_at),
});

async function settings(db: Db, jurisdiction_id: string): Promise<ReporterSettings> {
  const row = await db.selectFrom('reporter_settings').selectAll().where('jurisdiction_id', '=', jurisdiction_id).executeTakeFirst();
  if (!row) return { jurisdiction_id, ...DEFAULT_REPORTER_SETTINGS };
  return {
    jurisdiction_id,
    receipts_for_api: fromFlag(row.receipts_for_api),
    question_delay_hours: row.question_delay_hours,
    reopen_window_days: row.reopen_window_days,
  };
}

export function reporterStore(db: Db): ReporterStore {
  return {
    settings: (jurisdiction_id) => settings(db, jurisdiction_id),

    async saveSettings(s, at) {
      const values = {
        receipts_for_api: toFlag(s.receipts_for_api),
        question_delay_hours: s.question_delay_hours,
        reopen_window_days: s.reopen_window_days,
        updated_at: at,
      };
      await db
        .insertInto('reporter_settings')
        .values({ jurisdiction_id: s.jurisdiction_id, ...values })
        .onConflict((oc) => oc.column('jurisdiction_id').doUpdateSet(values))
        .execute();
      return settings(db, s.jurisdiction_id);
    },

    async enroll(e, at) {
      const id = parseRowId(e.request_id);
      if (id === undefined) return false;
      const request = await db.selectFrom('requests').select('id').where('id', '=', id).where('jurisdiction_id', '=', e.jurisdiction_id).executeTakeFirst();
      if (!request) return false;
      const r = await db
        .insertInto('reporter_requests')
        .values({ request_id: id, jurisdiction_id: e.jurisdiction_id, locale: e.locale, enrolled_at: at })
        .onConflict((oc) => oc.column('request_id').doNothing())
        .returning('request_id')
        .executeTakeFirst();
      return r !== undefined;
    },

    async enrollment(jurisdiction_id, request_id) {
      const id = parseRowId(request_id);
      if (id === undefined) return undefined;
      const row = await db
        .selectFrom('reporter_requests')
        .selectAll()
        .where('request_id', '=', id)
        .where('jurisdiction_id', '=', jurisdiction_id)
        .executeTakeFirst();
      return row && { jurisdiction_id, request_id, locale: row.locale, enrolled_at: Number(row.enrolled_at) };
    },

    async issueToken(jurisdiction_id, request_id, at, expires_at) {
      const id = parseRowId(request_id);
      if (id === undefined) throw new Error(`unknown request "${request_id}"`);
      const secret = generateSecret('reporter');
      await db
        .insertInto('reporter_tokens')
        .values({ token_hash: hashSecret(secret), request_id: id, jurisdiction_id, created_at: at, expires_at })
        .execute();
      return secret;
    },

    async findToken(secret, now) {
      if (secret === '' || secret.length > 200) return undefined;
      const row = await db
        .selectFrom('reporter_tokens')
        .select(['jurisdiction_id', 'request_id'])
        .where('token_hash', '=', hashSecret(secret))
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row && { jurisdiction_id: row.jurisdiction_id, request_id: String(row.request_id) };
    },

    async noteClosings(closings) {
      let added = 0;
      for (const c of closings) {
        const id = parseRowId(c.request_id);
        if (id === undefined) continue;
        const enrolled = await db.selectFrom('reporter_requests').select('request_id').where('request_id', '=', id).executeTakeFirst();
        if (!enrolled) continue;
        const { question_delay_hours } = await settings(db, c.jurisdiction_id);
        const r = await db
          .insertInto('reporter_questions')
          .values({
            change_id: c.change_id, request_id: id, jurisdiction_id: c.jurisdiction_id, closed_at: c.at,
            due_at: c.at + question_delay_hours * HOUR_MS, asked_at: null, answer: null, answered_at: null,
          })
          .onConflict((oc) => oc.column('change_id').doNothing())
          .returning('change_id')
          .executeTakeFirst();
        if (r) added += 1;
      }
      return added;
    },

    async dueQuestions(now, limit) {
      const rows = await db
        .selectFrom('reporter_questions')
        .selectAll()
        .where('asked_at', 'is', null)
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('change_id')
        .limit(Math.max(1, Math.min(1000, Math.floor(limit))))
        .execute();
      return rows.map(toQuestion);
    },

    async markAsked(change_id, at) {
      const r = await db.updateTable('reporter_questions').set({ asked_at: at }).where('change_id', '=', change_id).where('asked_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    async latestQuestion(jurisdiction_id, request_id) {
      const id = parseRowId(request_id);
      if (id === undefined) return undefined;
      const row = await db
        .selectFrom('reporter_questions')
        .selectAll()
        .where('request_id', '=', id)
        .where('jurisdiction_id', '=', jurisdiction_id)
        .where('asked_at', 'is not', null)
        .orderBy('change_id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toQuestion(row);
    },

    async addPhoto(jurisdiction_id, request_id, photo, at) {
      const id = parseRowId(request_id);
      if (id === undefined) return undefined;
      const request = await db.selectFrom('requests').select('id').where('id', '=', id).where('jurisdiction_id', '=', jurisdiction_id).executeTakeFirst();
      if (!request) return undefined;
      const mediaId = randomUUID();
      await db
        .insertInto('request_media')
        .values({
          id: mediaId, request_id: id, position: REPORTER_PHOTO_POSITION, content_type: photo.content_type, filename: photo.filename,
          bytes: photo.bytes, size: photo.bytes.length, created_at: at,
        })
        .execute();
      return mediaId;
    },

    async answer(change_id, answer, at) {
      const r = await db
        .updateTable('reporter_questions')
        .set({ answer, answered_at: at })
        .where('change_id', '=', change_id)
        .where('answer', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
  };
}
