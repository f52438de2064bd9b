/**
 * Hourly rollups of the poll samples, pruning, and the targets' summaries
 * (monitor.ts `rollUp`). Rollups are recomputed from raw samples, so running
 * it again changes nothing. Reads run outside transactions and each write
 * step in a short one of its own: on SQLite a transaction holds the one
 * connection, and the API must not wait for a rollup.
 */
import type { HourlyRollup, RollUpOptions } from '../monitor.js';
import { perKey, ROWS_PER_STATEMENT as CHUNK } from './monitor-shared.js';
import { chunks, parseJson, type Db } from './shared.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The uptime windows of a summary. */
const WINDOWS = { uptime_24h: DAY, uptime_7d: 7 * DAY, uptime_30d: 30 * DAY, uptime_90d: 90 * DAY } as const;
/** The latency percentiles are read over this window. */
const LATENCY_WINDOW = 7 * DAY;

interface RawRow {
  slug: string;
  at: number | string;
  ok: number;
  latency_ms: number | null;
}

/** Sums samples into rollups, one per endpoint and hour they fall in. */
function rollupsOf(rows: readonly RawRow[], o: RollUpOptions): HourlyRollup[] {
  const byKey = new Map<string, HourlyRollup>();
  for (const r of rows) {
    const at = Number(r.at);
    const hour = Math.floor(at / HOUR) * HOUR;
    const key = `${r.slug}\u0000${hour}`;
    let h = byKey.get(key);
    if (!h) byKey.set(key, (h = { slug: r.slug, hour, polls: 0, ups: 0, latency_histogram: new Array<number>(o.buckets).fill(0), latency_sum_ms: 0 }));
    h.polls++;
    if (Number(r.ok) !== 1) continue;
    h.ups++;
    if (r.latency_ms === null) continue;
    const latency = Number(r.latency_ms);
    const bucket = Math.min(o.buckets - 1, Math.max(0, Math.floor(o.bucketOf(latency))));
    h.latency_histogram[bucket]!++;
    h.latency_sum_ms += latency;
  }
  return [...byKey.values()];
}

/**
 * The samples to roll up: those of the previous and the current hour, and
 * of each endpoint the hours after its newest rollup (the monitor was
 * stopped, or rollUp did not run), back to the oldest hour kept.
 */
async function samplesToRoll(db: Db, now: number, o: RollUpOptions): Promise<RawRow[]> {
  const previousHour = Math.floor(now / HOUR) * HOUR - HOUR;
  const oldestKept = now - o.hourlyDays * DAY;
  const columns = ['slug', 'at', 'ok', 'latency_ms'] as const;
  const recent = await db.selectFrom('monitor_samples').select(columns).where('at', '>=', previousHour).execute();
  const marks = await db
    .selectFrom('monitor_targets as t')
    .select((eb) => ['t.slug', eb.selectFrom('monitor_hourly as h').select((e) => e.fn.max('h.hour').as('m')).whereRef('h.slug', '=', 't.slug').as('last')])
    .execute();
  const behind = marks
    .map((m) => ({ slug: m.slug, from: Math.max(oldestKept, m.last === null ? -Infinity : Number(m.last) + HOUR) }))
    .filter((m) => m.from < previousHour);
  const older: RawRow[] = [];
  for (const m of behind) {
    const rows = await db.selectFrom('monitor_samples').select(columns)
      .where('slug', '=', m.slug).where('at', '>=', m.from).where('at', '<', previousHour).execute();
    older.push(...rows);
  }
  return [...older, ...recent];
}

async function saveRollups(db: Db, rollups: readonly HourlyRollup[]): Promise<void> {
  if (rollups.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const part of chunks(rollups, CHUNK)) {
      await trx
        .insertInto('monitor_hourly')
        .values(part.map((h) => ({ ...h, latency_histogram: JSON.stringify(h.latency_histogram) })))
        .onConflict((oc) => oc.columns(['slug', 'hour']).doUpdateSet((eb) => ({
          polls: eb.ref('excluded.polls'),
          ups: eb.ref('excluded.ups'),
          latency_histogram: eb.ref('excluded.latency_histogram'),
          latency_sum_ms: eb.ref('excluded.latency_sum_ms'),
        })))
        .execute();
    }
  });
}

async function prune(db: Db, now: number, o: RollUpOptions): Promise<void> {
  const rawBefore = now - o.rawDays * DAY;
  const hourlyBefore = now - o.hourlyDays * DAY;
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('monitor_samples').where('at', '<', rawBefore).execute();
    await trx.deleteFrom('monitor_hourly').where('hour', '<', hourlyBefore).execute();
    await trx.deleteFrom('monitor_usage').where('at', '<', hourlyBefore).execute();
    await trx.deleteFrom('monitor_scores').where('at', '<', hourlyBefore).execute();
  });
}

type Uptimes = Record<keyof typeof WINDOWS, number | null>;

/**
 * Uptime per endpoint over each window, summed in SQL: sum of ups / sum of
 * polls of the hours in the window. One plain sum per window reads the
 * covering index and is faster than one pass with a CASE per window.
 */
async function uptimes(db: Db, now: number): Promise<Map<string, Uptimes>> {
  const out = new Map<string, Uptimes>();
  for (const [name, span] of Object.entries(WINDOWS) as [keyof typeof WINDOWS, number][]) {
    const rows = await db
      .selectFrom('monitor_hourly')
      .select((eb) => ['slug', eb.fn.sum<number | string>('ups').as('ups'), eb.fn.sum<number | string>('polls').as('polls')])
      .where('hour', '>', now - span)
      .groupBy('slug')
      .execute();
    for (const r of rows) {
      let u = out.get(r.slug);
      if (!u) out.set(r.slug, (u = { uptime_24h: null, uptime_7d: null, uptime_30d: null, uptime_90d: null }));
      u[name] = Number(r.polls) > 0 ? Number(r.ups) / Number(r.polls) : null;
    }
  }
  return out;
}

/** The summed latency histogram of each endpoint over LATENCY_WINDOW. */
async function histograms(db: Db, now: number, buckets: number): Promise<Map<string, number[]>> {
  const rows = await db.selectFrom('monitor_hourly').select(['slug', 'latency_histogram']).where('hour', '>', now - LATENCY_WINDOW).execute();
  const sums = new Map<string, number[]>();
  for (const r of rows) {
    let sum = sums.get(r.slug);
    if (!sum) sums.set(r.slug, (sum = new Array<number>(buckets).fill(0)));
    const h = parseJson<number[]>(r.latency_histogram);
    for (let i = 0; i < buckets; i++) sum[i]! += h[i] ?? 0;
  }
  return sums;
}

/** The summary's figures, per target. */
type Figures = Uptimes & { p50_ms: number | null; p95_ms: number | null };

/** Writes every target's figures with one statement per CHUNK targets (perKey) rather than one per target. */
async function saveSummaries(db: Db, figures: Map<string, Figures>, now: number): Promise<void> {
  const columns = ['uptime_24h', 'uptime_7d', 'uptime_30d', 'uptime_90d', 'p50_ms', 'p95_ms'] as const;
  await db.transaction().execute(async (trx) => {
    for (const part of chunks([...figures.keys()], CHUNK)) {
      const byColumn = (c: (typeof columns)[number]) => perKey('slug', part, (slug) => figures.get(slug)![c], 'double precision');
      await trx
        .updateTable('monitor_targets')
        .set({ ...Object.fromEntries(columns.map((c) => [c, byColumn(c)])), summary_at: now })
        .where('slug', 'in', part)
        .execute();
    }
  });
}

async function refreshSummaries(db: Db, now: number, o: RollUpOptions): Promise<void> {
  const up = await uptimes(db, now);
  const latency = await histograms(db, now, o.buckets);
  const targets = await db.selectFrom('monitor_targets').select('slug').execute();
  const none: Uptimes = { uptime_24h: null, uptime_7d: null, uptime_30d: null, uptime_90d: null };
  const figures = new Map(targets.map(({ slug }) => {
    const h = latency.get(slug);
    return [slug, { ...(up.get(slug) ?? none), p50_ms: h ? o.percentile(h, 0.5) : null, p95_ms: h ? o.percentile(h, 0.95) : null }];
  }));
  await saveSummaries(db, figures, now);
}

export async function rollUp(db: Db, now: number, o: RollUpOptions): Promise<void> {
  await saveRollups(db, rollupsOf(await samplesToRoll(db, now, o), o));
  await prune(db, now, o);
  await refreshSummaries(db, now, o);
}

export async function listHourly(db: Db, slug: string, from: number, to: number): Promise<HourlyRollup[]> {
  const rows = await db
    .selectFrom('monitor_hourly')
    .selectAll()
    .where('slug', '=', slug)
    .where('hour', '>=', from)
    .where('hour', '<', to)
    .orderBy('hour')
    .execute();
  return rows.map((r) => ({
    slug: r.slug, hour: Number(r.hour), polls: Number(r.polls), ups: Number(r.ups),
    latency_histogram: parseJson<number[]>(r.latency_histogram), latency_sum_ms: Number(r.latency_sum_ms),
  }));
}
