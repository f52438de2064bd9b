/**
 * A dashboard source rebuilt in bulk (dashboard.ts: beginRebuild, loadFacts,
 * finishRebuild): facts written with plain inserts, no rollup reads, then
 * every day's rollup rows counted from the facts in SQL (INSERT ... SELECT ...
 * GROUP BY on the facts' stored local days, into a temporary table, whose
 * rows give the four grains), a few days per transaction, so that no
 * transaction holds the writer for long. Between transactions the event loop
 * gets a turn: SQLite's calls are synchronous, and a loop of them would
 * otherwise starve every other request of the process.
 *
 * Writers of the source go on meanwhile (the sync, a harvest): the source's
 * `rollups_pending_from` says from which day on the rows are not built yet;
 * putFacts and removeFacts move only the rows of earlier days (which are
 * current) and leave the later ones to the build, which counts the facts as
 * they are when it reaches those days. Each build step and each write locks
 * the source's row, so they take turns. A load keeps a fact already there (a
 * writer's, read after the rebuild began, so as new as the load's copy).
 */
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import { CLOSE_HOURS_BOUNDS, type DashboardFact } from '../dashboard.js';
import { CLOSE_HOURS_COLUMNS, GRAINS } from '../schema/dashboard-tables.js';
import { chunks, factRow, lockSource, storedFact, type FactRow, type LockedSource } from './dashboard-facts.js';
import { inTransaction, type Db, type Trx } from './shared.js';

/** Before every day: the whole source is pending. */
const ALL_PENDING = -100_000_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Facts per insert statement (× 18 parameters: within SQLite's 32,766 and PostgreSQL's 65,535). */
const LOAD_ROWS_PER_STATEMENT = 1_000;
/** Facts removed per transaction when a rebuild clears the source. */
const CLEAR_STEP = 5_000;
/** Facts (opened plus closed) a build step aims to count per transaction; steps span more or fewer days to keep near it. */
const STEP_FACTS = 25_000;
const FIRST_STEP_DAYS = 7;
const MAX_STEP_DAYS = 3_660;

export interface RebuildHooks {
  /** After the last step: refresh planner statistics when `facts` is large (see the adapter). */
  analyze(facts: number): Promise<void>;
}

/** Lets timers and I/O of the process run between two transactions. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether another rebuild began since (or the source was cleared or removed): the rebuild stops. */
const superseded = (s: { rebuild_generation: number } | undefined, generation: number): boolean =>
  s === undefined || s.rebuild_generation !== generation;

async function lockedOrGone(trx: Trx, source_id: string, rowLocks: boolean): Promise<LockedSource | undefined> {
  try {
    return await lockSource(trx, source_id, rowLocks);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

export async function beginRebuild(db: Db, rowLocks: boolean, source_id: string, keepFacts: boolean): Promise<number> {
  const generation = await inTransaction(db, async (trx) => {
    const s = await lockSource(trx, source_id, rowLocks);
    await trx.deleteFrom('dashboard_daily').where('source_id', '=', source_id).execute();
    await trx
      .updateTable('dashboard_sources')
      .set({ rollups_pending_from: ALL_PENDING, rebuild_generation: s.rebuild_generation + 1 })
      .where('id', '=', source_id)
      .execute();
    return s.rebuild_generation + 1;
  });
  if (!keepFacts) await clearFacts(db, rowLocks, source_id, generation);
  return generation;
}

/**
 * The facts removed; on SQLite CLEAR_STEP at a time, oldest request first: in the order
 * of the time indexes, so that their pages are emptied one after another
 * rather than all over (measured at 1,000,000 facts on SQLite: request id
 * order took 100 s). A write in between may land in a part not yet removed
 * and go: the load reads every request afterwards, so it comes back as new
 * as it was.
 */
async function clearFacts(db: Db, rowLocks: boolean, source_id: string, generation: number): Promise<void> {
  // With row locks (PostgreSQL) writers run side by side: one statement holds no one else up, and is faster.
  const step = rowLocks ? undefined : CLEAR_STEP;
  for (let more = true; more; ) {
    more = await inTransaction(db, async (trx) => {
      if (superseded(await lockedOrGone(trx, source_id, rowLocks), generation)) return false;
      const last = step === undefined ? undefined : await trx
        .selectFrom('dashboard_facts').select('requested_at').where('source_id', '=', source_id)
        .orderBy('requested_at').offset(step - 1).limit(1).executeTakeFirst();
      let remove = trx.deleteFrom('dashboard_facts').where('source_id', '=', source_id);
      if (last) remove = remove.where('requested_at', '<=', last.requested_at);
      await remove.execute();
      return last !== undefined;
    });
    await yieldToEventLoop();
  }
  await db.updateTable('dashboard_sources').set({ requests: 0 }).where('id', '=', source_id).execute();
}

const FACT_COLUMNS = [
  'source_id', 'request_id', 'service_code', 'service_name', 'service_group', 'area_id', 'status', 'detailed_status', 'requested_at',
  'updated_at', 'closed_at', 'requested_day', 'closed_day', 'expected_at', 'lat', 'long', 'address', 'description',
] as const satisfies readonly (keyof FactRow)[];

/** The insert of `n` facts, its text compiled once per size: only the parameters change. */
const insertTexts = new WeakMap<Db, Map<number, string>>();

function insertText(trx: Trx, rows: readonly FactRow[]): CompiledQuery {
  return trx
    .insertInto('dashboard_facts')
    .values(rows.map((r) => Object.fromEntries(FACT_COLUMNS.map((c) => [c, r[c]])) as FactRow))
    .onConflict((oc) => oc.columns(['source_id', 'request_id']).doNothing())
    .compile();
}

/** Inserts the rows (keeping any already stored); answers how many were new. */
async function insertFacts(trx: Trx, root: Db, rows: readonly FactRow[]): Promise<number> {
  let texts = insertTexts.get(root);
  if (!texts) insertTexts.set(root, (texts = new Map()));
  const text = texts.get(rows.length);
  if (text === undefined) {
    const compiled = insertText(trx, rows);
    // Reused only when every value is a parameter, in row then column order.
    if (compiled.parameters.length === rows.length * FACT_COLUMNS.length) texts.set(rows.length, compiled.sql);
    return Number((await trx.executeQuery(compiled)).numAffectedRows ?? 0);
  }
  const parameters: unknown[] = new Array(rows.length * FACT_COLUMNS.length);
  let i = 0;
  for (const r of rows) for (const c of FACT_COLUMNS) parameters[i++] = r[c];
  return Number((await trx.executeQuery(CompiledQuery.raw(text, parameters))).numAffectedRows ?? 0);
}

export async function loadFacts(
  db: Db, rowLocks: boolean, source_id: string, generation: number, facts: readonly DashboardFact[],
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const s = await lockedOrGone(trx, source_id, rowLocks);
    if (superseded(s, generation) || s!.pending_from !== ALL_PENDING) return false;
    // In key order: the batch (a few hours of requests, read in time order) then fills the key index's pages
    // one after another instead of landing all over it; the time indexes take it at their end either way.
    const rows = facts.map((f) => factRow(source_id, storedFact(f), s!.timezone)).sort((a, b) => (a.request_id < b.request_id ? -1 : a.request_id > b.request_id ? 1 : 0));
    let added = 0;
    for (const part of chunks(rows, LOAD_ROWS_PER_STATEMENT)) added += await insertFacts(trx, db, part);
    // The count grows as the load goes (progress); finishRebuild sets it exactly.
    await trx.updateTable('dashboard_sources').set({ requests: sql`requests + ${added}` }).where('id', '=', source_id).execute();
    return true;
  });
}

/** `case when <ms to close> <= bound then 1 else 0 end`, per CLOSE_HOURS_BOUNDS bucket, as RollupDelta counts them. */
function closeBuckets(): RawBuilder<unknown>[] {
  const ms = sql`closed_at - requested_at`;
  return CLOSE_HOURS_COLUMNS.map((_, i) => {
    const upper = CLOSE_HOURS_BOUNDS[i];
    const lower = i === 0 ? undefined : CLOSE_HOURS_BOUNDS[i - 1]!;
    const cond = [
      ...(lower === undefined ? [] : [sql`${ms} > ${sql.lit(lower * HOUR_MS)}`]),
      ...(upper === undefined ? [] : [sql`${ms} <= ${sql.lit(upper * HOUR_MS)}`]),
    ];
    return sql`case when ${sql.join(cond, sql` and `)} then 1 else 0 end`;
  });
}

const SUMMED = ['opened', 'opened_still_open', 'closed', ...CLOSE_HOURS_COLUMNS, 'close_hours_sum'] as const;
/** A step's counts by day, service and area, kept per connection; emptied at the end of each step. */
const STEP_TABLE = 'dashboard_rebuild_step';

async function createStepTable(trx: Trx): Promise<void> {
  const columns = SUMMED.map((c) => sql`${sql.ref(c)} ${sql.raw(c === 'close_hours_sum' ? 'double precision' : 'bigint')}`);
  await sql`create temporary table if not exists ${sql.table(STEP_TABLE)} (
    day integer, service_code text, area_id text, ${sql.join(columns)})`.execute(trx);
}

/**
 * The counts by day, service and area for the local days [from, to) into the
 * step table: facts opened on those days (found through the time index: a
 * local day lies within a day of its UTC one) and facts closed on them.
 */
function countDays(source_id: string, from: number, to: number): RawBuilder<unknown> {
  const zero = CLOSE_HOURS_COLUMNS.map((h) => sql`0 as ${sql.ref(h)}`);
  const buckets = closeBuckets().map((b, i) => sql`${b} as ${sql.ref(CLOSE_HOURS_COLUMNS[i]!)}`);
  const hours = sql`case when closed_at > requested_at then cast(closed_at - requested_at as double precision) / ${sql.lit(HOUR_MS)} else 0 end`;
  const [lo, hi] = [from * DAY_MS - DAY_MS, to * DAY_MS + DAY_MS];
  return sql`
    insert into ${sql.table(STEP_TABLE)} (day, service_code, area_id, ${sql.join(SUMMED.map((c) => sql.ref(c)))})
    select day, service_code, area_id, ${sql.join(SUMMED.map((c) => sql`sum(${sql.ref(c)})`))} from (
      select requested_day as day, service_code, area_id, 1 as opened,
        case when status = 'open' then 1 else 0 end as opened_still_open, 0 as closed, ${sql.join(zero)},
        cast(0 as double precision) as close_hours_sum
      from dashboard_facts
      where source_id = ${source_id} and requested_at >= ${lo} and requested_at < ${hi}
        and requested_day >= ${from} and requested_day < ${to}
      union all
      select closed_day, service_code, area_id, 0, 0, 1, ${sql.join(buckets)}, ${hours}
      from dashboard_facts
      where source_id = ${source_id} and closed_at >= ${lo} and closed_at < ${hi}
        and closed_day >= ${from} and closed_day < ${to}
    ) parts
    group by day, service_code, area_id`;
}

/** The rollup rows of one grain from the step table. */
function insertGrain(source_id: string, grain: number): RawBuilder<unknown> {
  const service = grain & GRAINS.service ? sql`service_code` : sql`''`;
  const area = grain & GRAINS.area ? sql`area_id` : sql`''`;
  return sql`
    insert into dashboard_daily (source_id, grain, day, service_code, area_id, ${sql.join(SUMMED.map((c) => sql.ref(c)))})
    select cast(${source_id} as text), ${sql.lit(grain)}, day, ${service}, ${area}, ${sql.join(SUMMED.map((c) => sql`sum(${sql.ref(c)})`))}
    from ${sql.table(STEP_TABLE)}
    group by ${sql.join([sql`day`, ...(grain & GRAINS.service ? [service] : []), ...(grain & GRAINS.area ? [area] : [])])}`;
}

/** The first local day at or after `from` with a fact opened or closed on it (the earliest such by time), if any. */
async function nextDay(trx: Trx, source_id: string, from: number): Promise<number | undefined> {
  const since = from * DAY_MS - DAY_MS;
  const opened = await trx
    .selectFrom('dashboard_facts').select('requested_day as day')
    .where('source_id', '=', source_id).where('requested_at', '>=', since).where('requested_day', '>=', from)
    .orderBy('requested_at').limit(1).executeTakeFirst();
  const closed = await trx
    .selectFrom('dashboard_facts').select('closed_day as day')
    .where('source_id', '=', source_id).where('closed_at', '>=', since).where('closed_day', '>=', from)
    .orderBy('closed_at').limit(1).executeTakeFirst();
  const days = [opened?.day, closed?.day].filter((d): d is number => d !== null && d !== undefined).map(Number);
  return days.length === 0 ? undefined : Math.min(...days);
}

type Step = { done: true; facts: number } | { done: false; counted: number } | undefined;

/** One transaction: the rows of the next days, or, with no fact left after them, the end of the rebuild. */
async function step(db: Db, rowLocks: boolean, source_id: string, generation: number, span: number, now: number): Promise<Step> {
  return inTransaction(db, async (trx) => {
    const s = await lockedOrGone(trx, source_id, rowLocks);
    if (superseded(s, generation) || s!.pending_from === null) return undefined;
    const from = s!.pending_from;
    const next = await nextDay(trx, source_id, from);
    if (next === undefined) {
      const count = await trx.selectFrom('dashboard_facts').select((e) => e.fn.countAll().as('n')).where('source_id', '=', source_id).executeTakeFirst();
      const facts = Number(count?.n ?? 0);
      await trx.updateTable('dashboard_sources').set({ rollups_pending_from: null, requests: facts, synced_at: now }).where('id', '=', source_id).execute();
      return { done: true, facts };
    }
    // From `from`, not `next`: in a zone whose clocks go back over midnight a later instant can fall on an earlier day.
    const to = Math.max(from, next) + span;
    await createStepTable(trx);
    await countDays(source_id, from, to).execute(trx);
    for (const grain of Object.values(GRAINS)) await insertGrain(source_id, grain).execute(trx);
    await sql`delete from ${sql.table(STEP_TABLE)}`.execute(trx);
    const counted = await trx
      .selectFrom('dashboard_daily').select((e) => [e.fn.sum<number>('opened').as('o'), e.fn.sum<number>('closed').as('c')])
      .where('source_id', '=', source_id).where('grain', '=', GRAINS.total).where('service_code', '=', '').where('area_id', '=', '')
      .where('day', '>=', from).where('day', '<', to).executeTakeFirst();
    await trx.updateTable('dashboard_sources').set({ rollups_pending_from: to }).where('id', '=', source_id).execute();
    return { done: false, counted: Number(counted?.o ?? 0) + Number(counted?.c ?? 0) };
  });
}

/** Facts of the source when done; undefined when another rebuild took over. */
export async function finishRebuild(
  db: Db, rowLocks: boolean, hooks: RebuildHooks, source_id: string, generation: number, now: number,
): Promise<number | undefined> {
  let span = FIRST_STEP_DAYS;
  for (;;) {
    const done = await step(db, rowLocks, source_id, generation, span, now);
    await yieldToEventLoop();
    if (done === undefined) return undefined;
    if (done.done) {
      await hooks.analyze(done.facts);
      return done.facts;
    }
    // Near STEP_FACTS per step, growing at most eightfold over sparse years.
    const scale = done.counted === 0 ? 8 : Math.min(8, STEP_FACTS / done.counted);
    span = Math.max(1, Math.min(MAX_STEP_DAYS, Math.floor(span * scale)));
  }
}
