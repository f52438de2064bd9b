/**
 * The contract suite of the status monitor's store (monitor.ts, issue 12):
 * the same behaviour on SQLite and PostgreSQL, run by monitor.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLL_INTERVAL_S, MAX_MONITOR_TEXT, openStore, type NewEndpoint, type PollSample, type RollUpOptions, type Store,
} from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { HOUR, T0, uid, withFreshStore } from './fixtures.js';

const DAY = 24 * HOUR;
/** A whole hour plus 30 minutes, long after T0. */
const NOW = Math.floor(T0 / HOUR) * HOUR + 100 * DAY + 30 * 60_000;

const endpoint = (slug: string, over: Partial<NewEndpoint> = {}): NewEndpoint => ({
  slug, name: `Endpoint ${slug}`, tier: 'city', country: 'US', base_url: `https://${slug}.example/v2/`, discovery_url: null,
  jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production',
  boundary_id: null, quirks: null, notes: '', ...over,
});

const ok = (slug: string, at: number, latency_ms = 120): PollSample => ({
  slug, at, ok: true, http_status: 200, latency_ms, error_kind: null, error: null, services: 12,
});
const failed = (slug: string, at: number, error = 'no answer within 10 s'): PollSample => ({
  slug, at, ok: false, http_status: null, latency_ms: null, error_kind: 'timeout', error, services: null,
});

/** 10 buckets of 100 ms; a percentile is the upper bound of the bucket where the quantile falls. */
const BUCKETS = 10;
const bucketOf = (ms: number) => Math.min(BUCKETS - 1, Math.floor(ms / 100));
const percentile = (h: readonly number[], q: number): number | null => {
  const total = h.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let i = 0; i < h.length; i++) {
    seen += h[i]!;
    if (seen >= q * total) return (i + 1) * 100;
  }
  return h.length * 100;
};
const ROLLUP: RollUpOptions = { rawDays: 7, hourlyDays: 90, bucketOf, buckets: BUCKETS, percentile };

export function runMonitorContract(dialect: TestDialect): void {
  describe(`Monitor contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));
    const m = () => store.monitor;

    /** New registry endpoints with their targets; their slugs. */
    const watched = async (n: number, at = NOW): Promise<string[]> => {
      const slugs = Array.from({ length: n }, () => uid('mon').toLowerCase());
      for (const slug of slugs) await store.saveEndpoint(endpoint(slug));
      await m().syncTargets(at);
      return slugs;
    };

    it('gives each endpoint that is not retired a target with default settings, due now, and removes targets with their figures', async () => {
      const [a, b] = await watched(2);
      const retired = uid('mon').toLowerCase();
      await store.saveEndpoint(endpoint(retired, { status: 'retired' }));
      await m().syncTargets(NOW);
      expect(await m().getTarget(a!)).toEqual({
        slug: a, interval_s: DEFAULT_POLL_INTERVAL_S, paused: false, mail_alerts: false, webhook_url: null, webhook_secret_sealed: null, state: 'unknown',
        state_since: null, consecutive_failures: 0, next_poll_at: NOW, last_poll_at: null, last_ok: null, last_error_kind: null,
        last_latency_ms: null, summary: null,
      });
      expect(await m().getTarget(retired)).toBeUndefined();
      // A second sync changes nothing.
      await m().syncTargets(NOW + 60_000);
      expect((await m().getTarget(a!))?.next_poll_at).toBe(NOW);

      await m().recordPolls([failed(a!, NOW), failed(a!, NOW + 1)], { failuresToOpen: 1 });
      await m().recordScore({ slug: a!, at: NOW, score: 90, errors: 0, warnings: 0, passed: 9, failed: 0, skipped: 0, run_id: null }, { dropBy: 10 });
      await m().recordUsage([usage(a!, NOW)]);
      await m().rollUp(NOW + 1, ROLLUP);
      expect(await m().listIncidents({ slug: a!, limit: 10 })).toHaveLength(1);

      await store.saveEndpoint(endpoint(a!, { status: 'retired' }));
      await store.deleteEndpoint(b!);
      await m().syncTargets(NOW + 2);
      expect(await m().getTarget(a!)).toBeUndefined();
      expect(await m().getTarget(b!)).toBeUndefined();
      const gone = { slug: a!, limit: 10 };
      expect(await m().listSamples(gone)).toEqual([]);
      expect(await m().listHourly(a!, 0, NOW * 2)).toEqual([]);
      expect(await m().listIncidents(gone)).toEqual([]);
      expect(await m().listEvents(gone)).toEqual([]);
      expect(await m().listScores(gone)).toEqual([]);
      expect(await m().listUsage(gone)).toEqual([]);
      // Back in production: a fresh target.
      await store.saveEndpoint(endpoint(a!));
      await m().syncTargets(NOW + 3);
      expect(await m().getTarget(a!)).toMatchObject({ state: 'unknown', next_poll_at: NOW + 3 });
    });

    it('saves settings; a changed interval makes the target due at once; pollNow too', async () => {
      const [a] = await watched(1);
      await m().claimDue(NOW, 1000);
      const moved = (await m().getTarget(a!))!.next_poll_at;
      expect(moved).toBe(NOW + DEFAULT_POLL_INTERVAL_S * 1000);
      const settings = { interval_s: DEFAULT_POLL_INTERVAL_S, paused: true, mail_alerts: true, webhook_url: 'https://hooks.example/x', webhook_secret_sealed: 'sealed' };
      expect(await m().saveSettings(a!, settings, NOW + 5)).toBe(true);
      expect(await m().getTarget(a!)).toMatchObject({ ...settings, next_poll_at: moved });
      // Mail alerts are turned off as they were turned on, and a sync keeps the choice.
      expect(await m().saveSettings(a!, { ...settings, mail_alerts: false }, NOW + 5)).toBe(true);
      expect(await m().getTarget(a!)).toMatchObject({ mail_alerts: false, paused: true });
      expect(await m().saveSettings(a!, settings, NOW + 5)).toBe(true);
      await m().syncTargets(NOW + 5);
      expect(await m().getTarget(a!)).toMatchObject({ mail_alerts: true });
      expect(await m().saveSettings(a!, { ...settings, interval_s: 60, paused: false }, NOW + 6)).toBe(true);
      expect((await m().getTarget(a!))?.next_poll_at).toBe(NOW + 6);
      expect(await m().saveSettings('nobody', settings, NOW)).toBe(false);
      await expect(m().saveSettings(a!, { ...settings, interval_s: 5 }, NOW)).rejects.toThrow(/from 60 to 86400/);
      await m().claimDue(NOW + 6, 1000);
      expect(await m().pollNow(a!, NOW + 7)).toBe(true);
      expect((await m().getTarget(a!))?.next_poll_at).toBe(NOW + 7);
      expect(await m().pollNow('nobody', NOW)).toBe(false);
    });

    it('claims due targets oldest first, skips paused ones, and moves them on by their interval', async () => {
      const later = NOW + 30 * DAY;
      const slugs = await watched(3, later);
      await m().pollNow(slugs[2]!, later - 10);
      await m().saveSettings(slugs[1]!, { interval_s: 60, paused: true, mail_alerts: false, webhook_url: null, webhook_secret_sealed: null }, later);
      const claimed = (await m().claimDue(later, 1000)).filter((s) => slugs.includes(s));
      expect(claimed).toEqual([slugs[2], slugs[0]]);
      expect((await m().getTarget(slugs[0]!))?.next_poll_at).toBe(later + DEFAULT_POLL_INTERVAL_S * 1000);
      expect((await m().claimDue(later, 1000)).filter((s) => slugs.includes(s))).toEqual([]);
      expect(await m().claimDue(later, 0)).toEqual([]);
    });

    it('keeps a target\'s cadence when the tick claims it late, and restarts it from now when it is a whole interval late', async () => {
      const at = NOW + 40 * DAY;
      const [slug] = await watched(1, at);
      await m().saveSettings(slug!, { interval_s: 60, paused: false, mail_alerts: false, webhook_url: null, webhook_secret_sealed: null }, at);
      expect(await m().claimDue(at + 20_000, 1000)).toContain(slug);
      expect((await m().getTarget(slug!))?.next_poll_at).toBe(at + 60_000);
      expect(await m().claimDue(at + 60_000 + 59_000, 1000)).toContain(slug);
      expect((await m().getTarget(slug!))?.next_poll_at).toBe(at + 120_000);
      expect(await m().claimDue(at + 400_000, 1000)).toContain(slug);
      expect((await m().getTarget(slug!))?.next_poll_at).toBe(at + 460_000);
    });

    it('never gives one target to two concurrent claims, even from two store instances', async () => {
      const at = NOW + 60 * DAY;
      const slugs = await watched(40, at);
      // SQLite: a second connection in this process would wait for the first's lock on the very thread
      // the first needs to commit (better-sqlite3 is synchronous); processes claim side by side, a
      // process's claims one after the other, as here.
      const other = dialect === 'postgres' ? await openStore(db.url) : store;
      try {
        const all: string[] = [];
        // Rounds of eight concurrent claims of seven until nothing is due (targets of earlier tests are due too).
        for (let round = 0; round < 50; round++) {
          const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? store : other).monitor.claimDue(at, 7)));
          if (claims.every((c) => c.length === 0)) break;
          all.push(...claims.flat().filter((s) => slugs.includes(s)));
        }
        expect(new Set(all).size).toBe(all.length);
        expect(all.length).toBe(40);
      } finally {
        if (other !== store) await other.close();
      }
    });

    it('opens one incident after N failures in a row, counts failures during it, and closes it on a success, with one event each way', async () => {
      const [a] = await watched(1);
      const rule = { failuresToOpen: 3 };
      expect(await m().recordPolls([ok(a!, NOW)], rule)).toEqual({ opened: [], closed: [], events: [] });
      expect(await m().getTarget(a!)).toMatchObject({ state: 'up', state_since: NOW, last_ok: true, last_latency_ms: 120 });

      const first = await m().recordPolls([failed(a!, NOW + 1), failed(a!, NOW + 2)], rule);
      expect(first.opened).toEqual([]);
      expect(await m().getTarget(a!)).toMatchObject({ state: 'up', state_since: NOW, consecutive_failures: 2, last_ok: false, last_error_kind: 'timeout' });

      const long = 'x'.repeat(MAX_MONITOR_TEXT + 100);
      const down = await m().recordPolls([failed(a!, NOW + 3, long)], rule);
      expect(down.opened).toEqual([{ id: expect.any(String), slug: a, opened_at: NOW + 3, closed_at: null, cause_kind: 'timeout', cause: 'x'.repeat(MAX_MONITOR_TEXT), failed_polls: 1 }]);
      expect(down.events).toMatchObject([{ slug: a, kind: 'down', at: NOW + 3, incident_id: down.opened[0]!.id, mailed_at: null, webhook_attempts: 0 }]);
      expect(down.events[0]!.detail.length).toBeLessThanOrEqual(MAX_MONITOR_TEXT);
      expect(await m().getTarget(a!)).toMatchObject({ state: 'down', state_since: NOW + 3, consecutive_failures: 3 });
      expect((await m().listSamples({ slug: a!, limit: 1 }))[0]!.error).toHaveLength(MAX_MONITOR_TEXT);

      const more = await m().recordPolls([failed(a!, NOW + 4), failed(a!, NOW + 5)], rule);
      expect(more).toEqual({ opened: [], closed: [], events: [] });
      expect(await m().listIncidents({ slug: a!, open: true, limit: 10 })).toMatchObject([{ id: down.opened[0]!.id, failed_polls: 3 }]);

      const up = await m().recordPolls([ok(a!, NOW + 6), ok(a!, NOW + 7)], rule);
      expect(up.closed).toEqual([{ ...down.opened[0], closed_at: NOW + 6, failed_polls: 3 }]);
      expect(up.events).toMatchObject([{ kind: 'up', at: NOW + 6, incident_id: down.opened[0]!.id }]);
      expect(await m().getTarget(a!)).toMatchObject({ state: 'up', state_since: NOW + 6, consecutive_failures: 0 });
      expect(await m().getIncident(down.opened[0]!.id)).toEqual(up.closed[0]);
      expect(await m().listIncidents({ slug: a!, open: true, limit: 10 })).toEqual([]);
      const events = await m().listEvents({ slug: a!, limit: 10 });
      expect(events.map((e) => e.kind)).toEqual(['up', 'down']);
      expect(await m().getEvent(events[1]!.id)).toEqual(down.events[0]);
      expect(await m().listEvents({ from: NOW + 4, to: NOW + 7, slug: a!, limit: 10 })).toHaveLength(1);
    });

    it('applies a batch in time order, across endpoints, and drops samples of unknown endpoints', async () => {
      const [a, b] = await watched(2);
      const rule = { failuresToOpen: 2 };
      // Out of order on purpose; a goes down and comes back within the batch, b only goes down.
      const r = await m().recordPolls([
        ok(a!, NOW + 3), failed(b!, NOW + 1), failed(a!, NOW + 2), failed(a!, NOW + 1), failed(b!, NOW + 2), failed('unknown-x', NOW),
      ], rule);
      expect(r.opened.map((i) => [i.slug, i.opened_at]).sort()).toEqual([[a, NOW + 2], [b, NOW + 2]].sort());
      expect(r.closed).toMatchObject([{ slug: a, closed_at: NOW + 3, failed_polls: 1 }]);
      expect(r.events.map((e) => `${e.slug}:${e.kind}`).sort()).toEqual([`${a}:down`, `${a}:up`, `${b}:down`].sort());
      expect(await m().getTarget(a!)).toMatchObject({ state: 'up', consecutive_failures: 0, last_poll_at: NOW + 3 });
      expect(await m().getTarget(b!)).toMatchObject({ state: 'down', consecutive_failures: 2 });
      expect(await m().listIncidents({ slug: a!, limit: 10 })).toMatchObject([{ closed_at: NOW + 3 }]);
      expect(await m().listSamples({ slug: 'unknown-x', limit: 10 })).toEqual([]);
      expect((await m().listSamples({ slug: a!, limit: 10 })).map((s) => s.at)).toEqual([NOW + 3, NOW + 2, NOW + 1]);
      expect(await m().recordPolls([], rule)).toEqual({ opened: [], closed: [], events: [] });
    });

    it('keeps an error quoting U+0000 with a mark in its place, and the rest of the batch', async () => {
      const [a, b] = await watched(2);
      const r = await m().recordPolls([failed(a!, NOW, 'Unexpected token \0 in JSON'), ok(b!, NOW)], { failuresToOpen: 1 });
      expect(r.opened).toMatchObject([{ slug: a, cause: 'Unexpected token \uFFFD in JSON' }]);
      expect(await m().listSamples({ slug: a!, limit: 1 })).toMatchObject([{ error: 'Unexpected token \uFFFD in JSON' }]);
      expect(await m().getTarget(b!)).toMatchObject({ state: 'up' });
      await m().recordWebhookAttempt(r.events[0]!.id, { status: 500, error: 'body: \0', delivered: false }, NOW);
      expect(await m().getEvent(r.events[0]!.id)).toMatchObject({ webhook_error: 'body: \uFFFD' });
    });

    it('rolls samples up by hour and summarises uptime and latency as an independent computation does', async () => {
      const [a] = await watched(1);
      const samples: PollSample[] = [];
      // 40 days of polls every 20 minutes: down one poll in 7, latency varying with the hour.
      for (let at = NOW - 40 * DAY; at <= NOW; at += 20 * 60_000) {
        const i = samples.length;
        samples.push(i % 7 === 3 ? failed(a!, at) : ok(a!, at, 40 + ((i * 37) % 900)));
      }
      // Recorded only now, as if the monitor had run without rollups: every hour is rolled up.
      for (let i = 0; i < samples.length; i += 500) await m().recordPolls(samples.slice(i, i + 500), { failuresToOpen: 5 });
      await m().rollUp(NOW, { ...ROLLUP, rawDays: 45 });

      const hours = await m().listHourly(a!, 0, NOW + DAY);
      const hourOf = (at: number) => Math.floor(at / HOUR) * HOUR;
      expect(hours.length).toBe(new Set(samples.map((s) => hourOf(s.at))).size);
      const one = hours[10]!;
      const inHour = samples.filter((s) => hourOf(s.at) === one.hour);
      expect(one.polls).toBe(inHour.length);
      expect(one.ups).toBe(inHour.filter((s) => s.ok).length);
      expect(one.latency_sum_ms).toBe(inHour.reduce((sum, s) => sum + (s.ok ? s.latency_ms! : 0), 0));

      const expected = (window: number) => {
        const inside = samples.filter((s) => hourOf(s.at) > NOW - window);
        return inside.filter((s) => s.ok).length / inside.length;
      };
      const histogram = new Array<number>(BUCKETS).fill(0);
      for (const s of samples) if (s.ok && hourOf(s.at) > NOW - 7 * DAY) histogram[bucketOf(s.latency_ms!)]!++;
      const summary = (await m().getTarget(a!))!.summary!;
      expect(summary.uptime_24h).toBeCloseTo(expected(DAY), 12);
      expect(summary.uptime_7d).toBeCloseTo(expected(7 * DAY), 12);
      expect(summary.uptime_30d).toBeCloseTo(expected(30 * DAY), 12);
      expect(summary.uptime_90d).toBeCloseTo(expected(90 * DAY), 12);
      expect(summary.p50_ms).toBe(percentile(histogram, 0.5));
      expect(summary.p95_ms).toBe(percentile(histogram, 0.95));
      expect(summary.refreshed_at).toBe(NOW);

      // Raw samples pruned to 7 days: the rollups, and so the figures, stay.
      await m().rollUp(NOW, ROLLUP);
      expect((await m().listSamples({ slug: a!, to: NOW - 7 * DAY, limit: 10 }))).toEqual([]);
      expect((await m().listSamples({ slug: a!, from: NOW - 7 * DAY, limit: 10 })).length).toBe(10);
      expect(await m().listHourly(a!, 0, NOW + DAY)).toEqual(hours);
      expect((await m().getTarget(a!))!.summary).toEqual(summary);

      // A poll in the current hour is rolled up again on the next run.
      await m().recordPolls([ok(a!, NOW + 60_000, 950)], { failuresToOpen: 5 });
      await m().rollUp(NOW + 120_000, ROLLUP);
      const current = (await m().listHourly(a!, hourOf(NOW), hourOf(NOW) + HOUR))[0]!;
      expect(current.polls).toBe(samples.filter((s) => hourOf(s.at) === hourOf(NOW)).length + 1);
      expect(current.latency_histogram[BUCKETS - 1]).toBeGreaterThanOrEqual(1);

      // Rollups past hourlyDays go.
      await m().rollUp(NOW, { ...ROLLUP, hourlyDays: 10 });
      expect((await m().listHourly(a!, 0, NOW - 10 * DAY)).length).toBe(0);
      expect((await m().listHourly(a!, NOW - 10 * DAY, NOW + DAY)).length).toBeGreaterThan(200);
    });

    it('gives a target without polls a summary without figures', async () => {
      const [a] = await watched(1);
      await m().rollUp(NOW, ROLLUP);
      expect((await m().getTarget(a!))?.summary).toEqual({
        uptime_24h: null, uptime_7d: null, uptime_30d: null, uptime_90d: null, p50_ms: null, p95_ms: null, refreshed_at: NOW,
      });
    });

    it('keeps usage samples and scores, and records a score drop as an event once it is large enough', async () => {
      const [a] = await watched(1);
      const score = (at: number, value: number) => ({ slug: a!, at, score: value, errors: 1, warnings: 2, passed: 30, failed: 1, skipped: 3, run_id: 'run-1' });
      expect(await m().recordScore(score(NOW, 92), { dropBy: 15 })).toBeUndefined();
      expect(await m().recordScore(score(NOW + 1, 80), { dropBy: 15 })).toBeUndefined();
      const drop = await m().recordScore(score(NOW + 2, 65), { dropBy: 15 });
      expect(drop).toMatchObject({ slug: a, kind: 'score-drop', at: NOW + 2, incident_id: null, detail: 'score 80 → 65' });
      expect(await m().getEvent(drop!.id)).toEqual(drop);
      expect(await m().latestScore(a!)).toEqual(score(NOW + 2, 65));
      expect((await m().listScores({ slug: a!, limit: 10 })).map((s) => s.score)).toEqual([92, 80, 65]);
      expect(await m().recordScore({ ...score(NOW, 10), slug: 'unknown-y' }, { dropBy: 1 })).toBeUndefined();

      await m().recordUsage([usage(a!, NOW)]);
      await m().recordUsage([{ ...usage(a!, NOW + 1), with_media: null, capped: true, newest_at: null }]);
      expect(await m().latestUsage(a!)).toEqual({ ...usage(a!, NOW + 1), with_media: null, capped: true, newest_at: null });
      expect((await m().listUsage({ slug: a!, limit: 10 })).map((u) => u.at)).toEqual([NOW, NOW + 1]);
      expect(await m().latestUsage('unknown-y')).toBeUndefined();

      // Both are kept as long as the rollups.
      await m().rollUp(NOW + 91 * DAY, ROLLUP);
      expect(await m().listScores({ slug: a!, limit: 10 })).toEqual([]);
      expect(await m().listUsage({ slug: a!, limit: 10 })).toEqual([]);
    });

    it('records a batch of usage samples at once, dropping those of endpoints without a target; all or none', async () => {
      const [a, b] = await watched(2);
      // Past one statement's rows (500): the batch is split, still one call.
      const many = Array.from({ length: 501 }, (_, i) => usage(i % 2 === 0 ? a! : b!, NOW - 1000 + i));
      await m().recordUsage([...many, usage('unknown-z', NOW), { ...usage(b!, NOW), slug: 'unknown-w' }]);
      expect(await m().listUsage({ slug: a!, limit: 1000 })).toHaveLength(251);
      expect(await m().listUsage({ slug: b!, limit: 1000 })).toHaveLength(250);
      expect(await m().listUsage({ slug: 'unknown-z', limit: 10 })).toEqual([]);
      expect(await m().latestUsage(a!)).toEqual(usage(a!, NOW - 500));
      await m().recordUsage([]);

      // One transaction: a sample the database refuses (in the second statement) takes the whole batch with it.
      const broken = { ...usage(b!, NOW + 2), services: null } as unknown as ReturnType<typeof usage>;
      const later = Array.from({ length: 500 }, (_, i) => usage(a!, NOW + 1 + i));
      await expect(m().recordUsage([...later, broken])).rejects.toThrow();
      expect(await m().latestUsage(a!)).toEqual(usage(a!, NOW - 500));
    });

    it('reads the latest score and usage of many endpoints at once, by slug; endpoints without any left out', async () => {
      const [a, b, c] = await watched(3);
      const score = (slug: string, at: number, value: number) => ({ slug, at, score: value, errors: 0, warnings: 1, passed: 20, failed: 0, skipped: 2, run_id: null });
      for (const s of [score(a!, NOW - DAY, 70), score(a!, NOW, 90), score(a!, NOW - 2 * DAY, 50), score(b!, NOW - DAY, 40)]) {
        await m().recordScore(s, { dropBy: 100 });
      }
      await m().recordUsage([usage(a!, NOW - HOUR), usage(a!, NOW), usage(c!, NOW - 2 * HOUR), { ...usage(c!, NOW - HOUR), capped: true }]);
      const scores = await m().latestScores([a!, b!, c!, 'unknown-s', a!]);
      expect(Object.fromEntries(scores)).toEqual({ [a!]: score(a!, NOW, 90), [b!]: score(b!, NOW - DAY, 40) });
      const usages = await m().latestUsages([c!, b!, a!]);
      expect(Object.fromEntries(usages)).toEqual({ [a!]: usage(a!, NOW), [c!]: { ...usage(c!, NOW - HOUR), capped: true } });
      // Each agrees with the one-endpoint read.
      for (const slug of [a!, b!, c!]) {
        expect(scores.get(slug)).toEqual(await m().latestScore(slug));
        expect(usages.get(slug)).toEqual(await m().latestUsage(slug));
      }
      expect((await m().latestScores([])).size).toBe(0);
      expect((await m().latestUsages([])).size).toBe(0);
    });

    it('tells whose usage is due in one call: no sample after `since`; endpoints without a target left out', async () => {
      const [a, b, c] = (await watched(3)).sort();
      await m().recordUsage([usage(a!, NOW - 2 * HOUR), usage(b!, NOW - 2 * HOUR), usage(b!, NOW - 10 * 60_000)]);
      expect(await m().usageDue([c!, b!, a!, 'unknown-v', a!], NOW - HOUR)).toEqual([a, c]);
      // A sample exactly at `since` is not after it.
      expect(await m().usageDue([a!, b!], NOW - 10 * 60_000)).toEqual([a, b]);
      expect(await m().usageDue([a!, b!, c!], NOW - 3 * HOUR)).toEqual([c]);
      expect(await m().usageDue([], NOW)).toEqual([]);
    });

    it('marks an event mailed once and counts webhook attempts, keeping the last outcome', async () => {
      const [a] = await watched(1);
      const { events: [down] } = await m().recordPolls([failed(a!, NOW)], { failuresToOpen: 1 });
      await m().markEventMailed(down!.id, NOW + 1);
      await m().markEventMailed(down!.id, NOW + 2);
      await m().recordWebhookAttempt(down!.id, { status: 500, error: 'server error', delivered: false }, NOW + 3);
      expect(await m().getEvent(down!.id)).toMatchObject({
        mailed_at: NOW + 1, webhook_attempts: 1, webhook_status: 500, webhook_error: 'server error', webhook_delivered_at: null,
      });
      await m().recordWebhookAttempt(down!.id, { status: null, error: 'y'.repeat(MAX_MONITOR_TEXT * 2), delivered: false }, NOW + 4);
      expect((await m().getEvent(down!.id))?.webhook_error).toHaveLength(MAX_MONITOR_TEXT);
      await m().recordWebhookAttempt(down!.id, { status: 204, error: null, delivered: true }, NOW + 5);
      expect(await m().getEvent(down!.id)).toMatchObject({ webhook_attempts: 3, webhook_status: 204, webhook_error: null, webhook_delivered_at: NOW + 5 });
      expect(await m().getEvent('nope')).toBeUndefined();
    });
  });
}

function usage(slug: string, at: number) {
  return {
    slug, at, services: 12, sampled: 200, with_location: 0.9, with_address: 0.75, with_updated: 1, with_media: 0.25, with_status_notes: 0.5,
    requests_7d: 140, requests_30d: 600, capped: false, open: 120, closed: 80, newest_at: at - HOUR,
  };
}
