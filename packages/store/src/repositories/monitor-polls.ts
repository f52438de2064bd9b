/**
 * Poll samples and the incidents they open and close (monitor.ts):
 * `recordPolls` stores a batch of samples and moves each target's state in
 * one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Incident, MonitorEvent, MonitorListFilter, PollErrorKind, PollSample, RecordedPolls } from '../monitor.js';
import type { MonitorIncidentsTable, MonitorSamplesTable, MonitorTargetsTable } from '../schema/tables.js';
import { insertEvents, newEvent } from './monitor-events.js';
import { cutText, listLimit, listWindow, numberOrNull, perKey, ROWS_PER_STATEMENT as CHUNK } from './monitor-shared.js';
import { readErrorKind, readMonitorState } from './monitor-targets.js';
import { chunks, type Db } from './shared.js';

const toIncident = (row: Selectable<MonitorIncidentsTable>): Incident => ({
  id: row.id,
  slug: row.slug,
  opened_at: Number(row.opened_at),
  closed_at: numberOrNull(row.closed_at),
  cause_kind: readErrorKind(row.cause_kind),
  cause: row.cause,
  failed_polls: Number(row.failed_polls),
});

const toSample = (row: Selectable<MonitorSamplesTable>): PollSample => ({
  slug: row.slug,
  at: Number(row.at),
  ok: Number(row.ok) === 1,
  http_status: numberOrNull(row.http_status),
  latency_ms: numberOrNull(row.latency_ms),
  error_kind: row.error_kind === null ? null : readErrorKind(row.error_kind),
  error: row.error,
  services: numberOrNull(row.services),
});

/** A target's state while the batch is applied. */
interface Moving {
  row: Selectable<MonitorTargetsTable>;
  /** The open incident, if any, and whether it was opened by this batch. */
  open: { incident: Incident; isNew: boolean } | undefined;
}

/** Why a failed sample failed, for an incident (a failure without a kind came with an HTTP status, or with none). */
const causeOf = (s: PollSample): { kind: PollErrorKind; text: string } => {
  const kind = s.error_kind ?? (s.http_status !== null ? 'http' : 'connection');
  return { kind, text: cutText(s.error ?? (s.http_status !== null ? `HTTP ${s.http_status}` : kind)) };
};

export function recordPolls(db: Db, samples: readonly PollSample[], rule: { failuresToOpen: number }, rowLocks: boolean): Promise<RecordedPolls> {
  const toOpen = Math.max(1, Math.floor(rule.failuresToOpen));
  return db.transaction().execute(async (trx) => {
    const result: RecordedPolls = { opened: [], closed: [], events: [] };
    const slugs = [...new Set(samples.map((s) => s.slug))].sort();
    const moving = new Map<string, Moving>();
    for (const part of chunks(slugs, CHUNK)) {
      // Locked in slug order (PostgreSQL): a concurrent batch of the same endpoint waits for this one.
      const q = trx.selectFrom('monitor_targets').selectAll().where('slug', 'in', part).orderBy('slug');
      for (const row of await (rowLocks ? q.forUpdate() : q).execute()) moving.set(row.slug, { row: { ...row }, open: undefined });
      const open = await trx.selectFrom('monitor_incidents').selectAll().where('slug', 'in', part).where('closed_at', 'is', null).execute();
      for (const row of open) {
        const m = moving.get(row.slug);
        if (m) m.open = { incident: toIncident(row), isNew: false };
      }
    }
    const known = samples.filter((s) => moving.has(s.slug)).sort((a, b) => a.at - b.at);
    for (const part of chunks(known, CHUNK)) {
      await trx
        .insertInto('monitor_samples')
        .values(part.map((s) => ({
          slug: s.slug, at: s.at, ok: s.ok ? 1 : 0, http_status: s.http_status, latency_ms: s.latency_ms,
          error_kind: s.ok ? null : s.error_kind, error: s.ok || s.error === null ? null : cutText(s.error), services: s.services,
        })))
        .execute();
    }

    const opened: Incident[] = [];
    const closedOld: Incident[] = [];
    const events: MonitorEvent[] = [];
    for (const s of known) {
      const m = moving.get(s.slug)!;
      const t = m.row;
      Object.assign(t, { last_poll_at: s.at, last_ok: s.ok ? 1 : 0, last_error_kind: s.ok ? null : s.error_kind, last_latency_ms: s.latency_ms });
      if (s.ok) {
        t.consecutive_failures = 0;
        if (t.state !== 'up') Object.assign(t, { state: 'up', state_since: s.at });
        if (m.open) {
          const incident = m.open.incident;
          incident.closed_at = s.at;
          if (!m.open.isNew) closedOld.push(incident);
          result.closed.push({ ...incident });
          const polls = incident.failed_polls === 1 ? '1 failed poll' : `${incident.failed_polls} failed polls`;
          events.push(newEvent({ slug: s.slug, kind: 'up', at: s.at, incident_id: incident.id, detail: `Back up after ${polls}.` }));
          m.open = undefined;
        }
        continue;
      }
      t.consecutive_failures = Number(t.consecutive_failures) + 1;
      if (m.open) {
        m.open.incident.failed_polls++;
      } else if (t.consecutive_failures >= toOpen) {
        const cause = causeOf(s);
        const incident: Incident = { id: randomUUID(), slug: s.slug, opened_at: s.at, closed_at: null, cause_kind: cause.kind, cause: cause.text, failed_polls: 1 };
        m.open = { incident, isNew: true };
        opened.push(incident);
        result.opened.push({ ...incident });
        Object.assign(t, { state: 'down', state_since: s.at });
        events.push(newEvent({ slug: s.slug, kind: 'down', at: s.at, incident_id: incident.id, detail: `${cause.kind}: ${cause.text}` }));
      }
    }

    // An incident opened by this batch is written once, as it ended the batch.
    for (const part of chunks(opened, CHUNK)) await trx.insertInto('monitor_incidents').values(part.map((i) => ({ ...i }))).execute();
    // The incidents and targets this batch moved, one UPDATE per CHUNK rows each (perKey).
    const stillOpen = [...moving.values()].flatMap((m) => (m.open && !m.open.isNew ? [m.open.incident] : []));
    const changed = new Map([...closedOld, ...stillOpen].map((i) => [i.id, i]));
    for (const part of chunks([...changed.keys()], CHUNK)) {
      const of = (id: string) => changed.get(id)!;
      await trx
        .updateTable('monitor_incidents')
        .set({ closed_at: perKey('id', part, (id) => of(id).closed_at, 'bigint'), failed_polls: perKey('id', part, (id) => of(id).failed_polls, 'integer') })
        .where('id', 'in', part)
        .execute();
    }
    await insertEvents(trx, events);
    const polled = new Map([...moving.values()].flatMap(({ row: t }) => (t.last_poll_at === null ? [] : [[t.slug, t] as const])));
    for (const part of chunks([...polled.keys()], CHUNK)) {
      const of = (slug: string) => polled.get(slug)!;
      await trx
        .updateTable('monitor_targets')
        .set({
          state: perKey('slug', part, (s) => readMonitorState(of(s).state), 'text'),
          state_since: perKey('slug', part, (s) => of(s).state_since, 'bigint'),
          consecutive_failures: perKey('slug', part, (s) => of(s).consecutive_failures, 'integer'),
          last_poll_at: perKey('slug', part, (s) => of(s).last_poll_at, 'bigint'),
          last_ok: perKey('slug', part, (s) => of(s).last_ok, 'integer'),
          last_error_kind: perKey('slug', part, (s) => of(s).last_error_kind, 'text'),
          last_latency_ms: perKey('slug', part, (s) => of(s).last_latency_ms, 'double precision'),
        })
        .where('slug', 'in', part)
        .execute();
    }
    result.events = events;
    return result;
  });
}

export async function listSamples(db: Db, f: MonitorListFilter): Promise<PollSample[]> {
  const rows = await db.selectFrom('monitor_samples').selectAll().where(listWindow(f, 'at')).orderBy('at', 'desc').limit(listLimit(f)).execute();
  return rows.map(toSample);
}

export async function getIncident(db: Db, id: string): Promise<Incident | undefined> {
  const row = await db.selectFrom('monitor_incidents').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toIncident(row);
}

export async function listIncidents(db: Db, f: MonitorListFilter & { open?: boolean }): Promise<Incident[]> {
  let q = db.selectFrom('monitor_incidents').selectAll().where(listWindow(f, 'opened_at'));
  if (f.open !== undefined) q = q.where('closed_at', f.open ? 'is' : 'is not', null);
  const rows = await q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(listLimit(f)).execute();
  return rows.map(toIncident);
}
