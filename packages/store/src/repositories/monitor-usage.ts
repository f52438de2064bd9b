/**
 * Usage samples (comprehensiveness and citizen utilisation) and conformance
 * scores of the monitor's targets (monitor.ts). Both are dropped for an
 * endpoint without a target (retired or deleted meanwhile). Usage comes in
 * batches (a poll job's endpoints): one transaction, one due query each.
 * The latest of each for many endpoints is one query per ROWS_PER_STATEMENT slugs.
 */
import { sql, type Selectable } from 'kysely';
import type { MonitorEvent, MonitorListFilter, ScoreSample, UsageSample } from '../monitor.js';
import type { MonitorScoresTable, MonitorUsageTable } from '../schema/tables.js';
import { insertEvents, newEvent } from './monitor-events.js';
import { listLimit, listWindow, numberOrNull, ROWS_PER_STATEMENT } from './monitor-shared.js';
import { chunks, type Db } from './shared.js';

const toUsage = (r: Selectable<MonitorUsageTable>): UsageSample => ({
  slug: r.slug,
  at: Number(r.at),
  services: Number(r.services),
  sampled: Number(r.sampled),
  with_location: numberOrNull(r.with_location),
  with_address: numberOrNull(r.with_address),
  with_updated: numberOrNull(r.with_updated),
  with_media: numberOrNull(r.with_media),
  with_status_notes: numberOrNull(r.with_status_notes),
  requests_7d: Number(r.requests_7d),
  requests_30d: Number(r.requests_30d),
  capped: Number(r.capped) === 1,
  open: Number(r.open),
  closed: Number(r.closed),
  newest_at: numberOrNull(r.newest_at),
});

const toScore = (r: Selectable<MonitorScoresTable>): ScoreSample => ({
  slug: r.slug,
  at: Number(r.at),
  score: Number(r.score),
  errors: Number(r.errors),
  warnings: Number(r.warnings),
  passed: Number(r.passed),
  failed: Number(r.failed),
  skipped: Number(r.skipped),
  run_id: r.run_id,
});

/**
 * The slugs among `slugs` that have a target. With `rowLocks` (PostgreSQL)
 * their rows stay key-share locked, in slug order, until the transaction
 * ends: a target removed meanwhile (syncTargets) waits, so the rows written
 * for it never fail their foreign key.
 */
async function withTargets(db: Db, slugs: readonly string[], rowLocks: boolean): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(slugs)].sort(), ROWS_PER_STATEMENT)) {
    const q = db.selectFrom('monitor_targets').select('slug').where('slug', 'in', part).orderBy('slug');
    for (const row of await (rowLocks ? q.forKeyShare() : q).execute()) found.add(row.slug);
  }
  return found;
}

/** Stores the samples of endpoints with a target, in one transaction. */
export async function recordUsage(db: Db, samples: readonly UsageSample[], rowLocks: boolean): Promise<void> {
  if (samples.length === 0) return;
  await db.transaction().execute(async (trx) => {
    const known = await withTargets(trx, samples.map((u) => u.slug), rowLocks);
    const rows = samples.filter((u) => known.has(u.slug)).map((u) => ({ ...u, capped: u.capped ? 1 : 0 }));
    for (const part of chunks(rows, ROWS_PER_STATEMENT)) await trx.insertInto('monitor_usage').values(part).execute();
  });
}

/** Of `slugs`, the targets without a usage sample taken after `since`, by slug. */
export async function usageDue(db: Db, slugs: readonly string[], since: number): Promise<string[]> {
  const due: string[] = [];
  for (const part of chunks([...new Set(slugs)].sort(), ROWS_PER_STATEMENT)) {
    const rows = await db
      .selectFrom('monitor_targets as t')
      .select('t.slug')
      .where('t.slug', 'in', part)
      .where(({ exists, not, selectFrom }) =>
        not(exists(selectFrom('monitor_usage as u').select('u.slug').whereRef('u.slug', '=', 't.slug').where('u.at', '>', since))))
      .orderBy('t.slug')
      .execute();
    due.push(...rows.map((r) => r.slug));
  }
  return due;
}

export async function listUsage(db: Db, f: MonitorListFilter): Promise<UsageSample[]> {
  const rows = await db.selectFrom('monitor_usage').selectAll().where(listWindow(f, 'at')).orderBy('at').limit(listLimit(f)).execute();
  return rows.map(toUsage);
}

/**
 * The newest row of each of `slugs` in `table` (monitor_scores or
 * monitor_usage, both keyed by slug and at; every slug there has a target).
 * Each target's newest time is one backward step on the (slug, at) index, then
 * one lookup: a window over all the rows would sort them (about 2,000 hourly
 * usage samples an endpoint), 100 times slower on PostgreSQL.
 */
async function latestRows<Row>(db: Db, table: 'monitor_scores' | 'monitor_usage', slugs: readonly string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const part of chunks([...new Set(slugs)].sort(), ROWS_PER_STATEMENT)) {
    const { rows: found } = await sql<Row>`
      select r.* from (
        select t.slug, (select max(m.at) from ${sql.table(table)} m where m.slug = t.slug) as at
        from monitor_targets t where t.slug in (${sql.join(part)})
      ) newest join ${sql.table(table)} r on r.slug = newest.slug and r.at = newest.at`.execute(db);
    rows.push(...found);
  }
  return rows;
}

export async function latestUsages(db: Db, slugs: readonly string[]): Promise<Map<string, UsageSample>> {
  const rows = await latestRows<Selectable<MonitorUsageTable>>(db, 'monitor_usage', slugs);
  return new Map(rows.map((r) => [r.slug, toUsage(r)]));
}

export async function latestUsage(db: Db, slug: string): Promise<UsageSample | undefined> {
  const row = await db.selectFrom('monitor_usage').selectAll().where('slug', '=', slug).orderBy('at', 'desc').limit(1).executeTakeFirst();
  return row && toUsage(row);
}

const latestScoreRow = (db: Db, slug: string) =>
  db.selectFrom('monitor_scores').selectAll().where('slug', '=', slug).orderBy('at', 'desc').limit(1).executeTakeFirst();

/** Stores the score and, when it fell by `dropBy` points or more since the previous one, its `score-drop` event. */
export function recordScore(db: Db, s: ScoreSample, rule: { dropBy: number }, rowLocks: boolean): Promise<MonitorEvent | undefined> {
  return db.transaction().execute(async (trx) => {
    if (!(await withTargets(trx, [s.slug], rowLocks)).has(s.slug)) return undefined;
    const previous = await latestScoreRow(trx, s.slug);
    await trx.insertInto('monitor_scores').values({ ...s }).execute();
    if (previous === undefined || Number(previous.score) - s.score < rule.dropBy) return undefined;
    const event = newEvent({
      slug: s.slug, kind: 'score-drop', at: s.at, incident_id: null, detail: `score ${Number(previous.score)} → ${s.score}`,
    });
    await insertEvents(trx, [event]);
    return event;
  });
}

export async function listScores(db: Db, f: MonitorListFilter): Promise<ScoreSample[]> {
  const rows = await db.selectFrom('monitor_scores').selectAll().where(listWindow(f, 'at')).orderBy('at').limit(listLimit(f)).execute();
  return rows.map(toScore);
}

export async function latestScore(db: Db, slug: string): Promise<ScoreSample | undefined> {
  const row = await latestScoreRow(db, slug);
  return row && toScore(row);
}

export async function latestScores(db: Db, slugs: readonly string[]): Promise<Map<string, ScoreSample>> {
  const rows = await latestRows<Selectable<MonitorScoresTable>>(db, 'monitor_scores', slugs);
  return new Map(rows.map((r) => [r.slug, toScore(r)]));
}
