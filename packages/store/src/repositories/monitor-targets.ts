/**
 * The monitor's targets (monitor.ts): one per registry endpoint that is not
 * retired, kept in step with the registry by `syncTargets`, and claimed for
 * polling by `claimDue`.
 */
import { sql, type Selectable } from 'kysely';
import {
  DEFAULT_POLL_INTERVAL_S, MAX_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S, MONITOR_STATES, POLL_ERROR_KINDS,
  type MonitorSettings, type MonitorState, type MonitorTarget, type PollErrorKind,
} from '../monitor.js';
import type { MonitorTargetsTable } from '../schema/tables.js';
import { numberOrNull, readStored } from './monitor-shared.js';
import type { Db } from './shared.js';

export const readMonitorState = (state: string): MonitorState => readStored(MONITOR_STATES, state, 'monitor state');

export const readErrorKind = (kind: string): PollErrorKind => readStored(POLL_ERROR_KINDS, kind, 'poll error kind');

export function toTarget(row: Selectable<MonitorTargetsTable>): MonitorTarget {
  return {
    slug: row.slug,
    interval_s: Number(row.interval_s),
    paused: Number(row.paused) === 1,
    mail_alerts: Number(row.mail_alerts) === 1,
    webhook_url: row.webhook_url,
    webhook_secret_sealed: row.webhook_secret_sealed,
    state: readMonitorState(row.state),
    state_since: numberOrNull(row.state_since),
    consecutive_failures: Number(row.consecutive_failures),
    next_poll_at: Number(row.next_poll_at),
    last_poll_at: numberOrNull(row.last_poll_at),
    last_ok: row.last_ok === null ? null : Number(row.last_ok) === 1,
    last_error_kind: row.last_error_kind === null ? null : readErrorKind(row.last_error_kind),
    last_latency_ms: numberOrNull(row.last_latency_ms),
    summary: row.summary_at === null ? null : {
      uptime_24h: numberOrNull(row.uptime_24h),
      uptime_7d: numberOrNull(row.uptime_7d),
      uptime_30d: numberOrNull(row.uptime_30d),
      uptime_90d: numberOrNull(row.uptime_90d),
      p50_ms: numberOrNull(row.p50_ms),
      p95_ms: numberOrNull(row.p95_ms),
      refreshed_at: Number(row.summary_at),
    },
  };
}

/**
 * Two set-based statements whatever the registry's size: targets for the new
 * endpoints, and the removal of the targets whose endpoint is gone or retired
 * (their figures go with them: ON DELETE CASCADE).
 */
export async function syncTargets(db: Db, now: number): Promise<void> {
  const watched = db.selectFrom('registry_endpoints').select('slug').where('status', '<>', 'retired');
  await db
    .insertInto('monitor_targets')
    .columns(['slug', 'interval_s', 'paused', 'mail_alerts', 'state', 'consecutive_failures', 'next_poll_at'])
    .expression(
      watched
        .select([
          // Mail alerts off: an admin opts each endpoint in.
          sql.lit(DEFAULT_POLL_INTERVAL_S).as('interval_s'), sql.lit(0).as('paused'), sql.lit(0).as('mail_alerts'), sql.lit('unknown').as('state'),
          sql.lit(0).as('consecutive_failures'), sql<number>`${now}`.as('next_poll_at'),
        ])
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('monitor_targets as t').select('t.slug').whereRef('t.slug', '=', 'registry_endpoints.slug')))),
    )
    .execute();
  await db.deleteFrom('monitor_targets').where('slug', 'not in', watched).execute();
}

export async function getTarget(db: Db, slug: string): Promise<MonitorTarget | undefined> {
  const row = await db.selectFrom('monitor_targets').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toTarget(row);
}

export async function listTargets(db: Db): Promise<MonitorTarget[]> {
  const rows = await db.selectFrom('monitor_targets').selectAll().orderBy('slug').execute();
  return rows.map(toTarget);
}

export async function saveSettings(db: Db, slug: string, s: MonitorSettings, now: number): Promise<boolean> {
  if (!Number.isInteger(s.interval_s) || s.interval_s < MIN_POLL_INTERVAL_S || s.interval_s > MAX_POLL_INTERVAL_S) {
    throw new RangeError(`The poll interval must be a whole number of seconds from ${MIN_POLL_INTERVAL_S} to ${MAX_POLL_INTERVAL_S}; ${s.interval_s} was given.`);
  }
  const result = await db
    .updateTable('monitor_targets')
    .set((eb) => ({
      interval_s: s.interval_s,
      paused: s.paused ? 1 : 0,
      mail_alerts: s.mail_alerts ? 1 : 0,
      webhook_url: s.webhook_url,
      webhook_secret_sealed: s.webhook_url === null ? null : s.webhook_secret_sealed,
      next_poll_at: eb.case().when('interval_s', '<>', s.interval_s).then(now).else(eb.ref('next_poll_at')).end(),
    }))
    .where('slug', '=', slug)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Picks the due targets and moves them on in one transaction. On PostgreSQL
 * the picked rows are locked and rows locked by another claim skipped, so
 * concurrent claims never share a target; on SQLite the transaction alone
 * excludes every other writer.
 */
export function claimDue(db: Db, now: number, limit: number, rowLocks: boolean): Promise<string[]> {
  const n = Math.max(0, Math.floor(limit));
  if (n === 0) return Promise.resolve([]);
  return db.transaction().execute(async (trx) => {
    const due = trx
      .selectFrom('monitor_targets')
      .select('slug')
      .where('paused', '=', 0)
      .where('next_poll_at', '<=', now)
      .orderBy('next_poll_at')
      .orderBy('slug')
      .limit(n);
    const rows = await (rowLocks ? due.forUpdate().skipLocked() : due).execute();
    const slugs = rows.map((r) => r.slug);
    if (slugs.length === 0) return [];
    await trx
      .updateTable('monitor_targets')
      // One interval after it was due, so that a target claimed late by the minute's tick keeps its cadence (from
      // the claim time, a 60 s interval read by a tick a moment early would slip to every 2 minutes); from now when
      // it is a whole interval late. The casts: PostgreSQL would type the parameter as the integer column it meets.
      .set({
        next_poll_at: sql<number>`case when next_poll_at + interval_s * 1000 > cast(${now} as bigint)
          then next_poll_at + interval_s * 1000 else cast(${now} as bigint) + interval_s * 1000 end`,
      })
      .where('slug', 'in', slugs)
      .execute();
    return slugs;
  });
}

export async function pollNow(db: Db, slug: string, now: number): Promise<boolean> {
  const result = await db.updateTable('monitor_targets').set({ next_poll_at: now }).where('slug', '=', slug).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
