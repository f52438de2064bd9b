/**
 * Validator runs behind permanent links (validation-runs.ts): created queued,
 * started, moved on with partial results, then finished with a report or
 * failed; the sealed API key of a write run is erased when it ends.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import {
  MAX_VALIDATION_ERROR, VALIDATION_FORMATS, VALIDATION_SOURCES, VALIDATION_STATES, type ValidationRun, type ValidationRunFilter,
  type ValidationStore, type ValidationSummary,
} from '../validation-runs.js';
import { withoutNul } from '../nul-text.js';
import type { ValidationRunsTable } from '../schema/tables.js';
import { numberOrNull, readStored } from './monitor-shared.js';
import { paging, parseJson, type Db } from './shared.js';

/** 16 random bytes: 22 URL-safe characters nobody can guess. */
const ID_BYTES = 16;
/** The most runs one list call returns. */
const MAX_LIST_ROWS = 1000;

/** The columns of a list: everything but the partial results and the report. */
const LISTED = [
  'id', 'url', 'endpoint_slug', 'source', 'format', 'write', 'jurisdiction_id', 'state', 'done', 'total', 'summary', 'error',
  'created_at', 'started_at', 'finished_at',
] as const;

type Listed = Pick<Selectable<ValidationRunsTable>, (typeof LISTED)[number]>;

function toRun(row: Listed & Partial<Pick<Selectable<ValidationRunsTable>, 'partial' | 'report'>>): ValidationRun {
  return {
    id: row.id,
    url: row.url,
    endpoint_slug: row.endpoint_slug,
    source: readStored(VALIDATION_SOURCES, row.source, 'validation run source'),
    format: readStored(VALIDATION_FORMATS, row.format, 'validation run format'),
    write: Number(row.write) === 1,
    jurisdiction_id: row.jurisdiction_id,
    state: readStored(VALIDATION_STATES, row.state, 'validation run state'),
    done: Number(row.done),
    total: Number(row.total),
    partial: row.partial === undefined ? [] : parseJson<unknown[]>(row.partial),
    report: row.report === undefined || row.report === null ? null : parseJson<unknown>(row.report),
    summary: row.summary === null ? null : parseJson<ValidationSummary>(row.summary),
    error: row.error,
    created_at: Number(row.created_at),
    started_at: numberOrNull(row.started_at),
    finished_at: numberOrNull(row.finished_at),
  };
}

export function validationRuns(db: Db): ValidationStore {
  const get = async (id: string) => {
    const row = await db.selectFrom('validation_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  };

  /** Ends a run that is still going: done or failed, its key erased; false when it had ended. */
  const end = async (id: string, set: Partial<ValidationRunsTable>) => {
    const result = await db
      .updateTable('validation_runs')
      .set({ ...set, api_key_sealed: null })
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };

  return {
    async create(r, at) {
      const row = await db
        .insertInto('validation_runs')
        .values({
          id: randomBytes(ID_BYTES).toString('base64url'),
          url: r.url, endpoint_slug: r.endpoint_slug, source: r.source, format: r.format, write: r.write ? 1 : 0,
          jurisdiction_id: r.jurisdiction_id, api_key_sealed: r.api_key_sealed, client: r.client, state: 'queued', done: 0, total: 0,
          partial: '[]', report: null, summary: null, error: null, created_at: at, started_at: null, finished_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRun(row);
    },

    get,

    async start(id, total, at) {
      const row = await db
        .updateTable('validation_runs')
        .set({ state: 'running', total: Math.max(0, Math.floor(total)), done: 0, partial: '[]', started_at: at })
        .where('id', '=', id)
        .where('state', 'in', ['queued', 'running'])
        .returning('api_key_sealed')
        .executeTakeFirst();
      return row && { api_key_sealed: row.api_key_sealed };
    },

    async progress(id, done, partial) {
      await db
        .updateTable('validation_runs')
        .set({ done: Math.max(0, Math.floor(done)), partial: JSON.stringify(partial) })
        .where('id', '=', id)
        .where('state', '=', 'running')
        .execute();
    },

    finish: (id, report, summary, at) =>
      end(id, { state: 'done', report: JSON.stringify(report), summary: JSON.stringify(summary), error: null, finished_at: at }),

    fail: (id, error, at) => end(id, { state: 'failed', error: withoutNul(error.slice(0, MAX_VALIDATION_ERROR)), finished_at: at }),

    async list(f) {
      let q = db.selectFrom('validation_runs').select([...LISTED]);
      if (f.endpoint_slug !== undefined) q = q.where('endpoint_slug', '=', f.endpoint_slug);
      if (f.url !== undefined) q = q.where('url', '=', f.url);
      if (f.source !== undefined) q = q.where('source', '=', f.source);
      if (f.states !== undefined) q = q.where('state', 'in', f.states.length > 0 ? [...f.states] : ['none']);
      const limit = Math.min(MAX_LIST_ROWS, paging({ limit: f.limit, offset: 0 }).limit);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRun);
    },

    async latestDone(endpoint_slug) {
      const row = await db
        .selectFrom('validation_runs')
        .selectAll()
        .where('endpoint_slug', '=', endpoint_slug)
        .where('state', '=', 'done')
        .orderBy('finished_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toRun(row);
    },

    async countByClient(client, since) {
      const row = await db
        .selectFrom('validation_runs')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('client', '=', client)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async prune(keepPerTarget, finishedBefore) {
      const keep = Math.max(0, Math.floor(keepPerTarget));
      // Runs still going (no finished_at) are never removed; they do count among the newest kept.
      const ranked = db
        .selectFrom('validation_runs')
        .select((eb) => [
          'id', 'finished_at',
          sql<number>`row_number() over (partition by ${eb.ref('url')} order by ${eb.ref('created_at')} desc, ${eb.ref('id')} desc)`.as('n'),
        ])
        .as('ranked');
      const result = await db
        .deleteFrom('validation_runs')
        .where('id', 'in', db.selectFrom(ranked).select('ranked.id').where('ranked.n', '>', keep).where('ranked.finished_at', '<', finishedBefore))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
