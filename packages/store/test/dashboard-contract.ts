/**
 * The contract suite of the dashboard's store (dashboard.ts, issue 13): the
 * same behaviour on SQLite and PostgreSQL, run by dashboard.test.ts. Every
 * query is compared with counts taken straight from the facts written
 * (dashboard-model.ts), in America/Chicago across the 2024-03-10 DST change.
 */
import { describe, expect, it } from 'vitest';
import { type DashboardFact, type DashboardFilter, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { FactModel } from './dashboard-model.js';
import { uid, withFreshStore } from './fixtures.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const TZ = 'America/Chicago';
/** 2024-02-20 00:00 in Chicago (UTC−6); the clocks go forward on 2024-03-10, back on 2024-11-03. */
export const START = Date.UTC(2024, 1, 20, 6);
export const NOW = START + 60 * DAY;

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const fact = (request_id: string, over: Partial<DashboardFact> = {}): DashboardFact => ({
  request_id, service_code: 'pothole', service_name: 'Pothole', service_group: 'Streets', area_id: 'north', status: 'open',
  detailed_status: 'open', requested_at: START + 10 * DAY, updated_at: START + 10 * DAY, closed_at: null, expected_at: null,
  lat: 41.9, long: -87.6, address: '1 Main St', description: 'A hole', ...over,
});

/** `n` facts over 50 days from START: three services, areas north, south and none, about half closed. */
export function facts(n: number, seed = 7): DashboardFact[] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const requested_at = START + Math.floor(r() * 50 * DAY);
    const closed = r() < 0.5;
    const closed_at = closed ? requested_at + Math.floor(r() * 900 * HOUR) : null;
    const service_code = pick(['pothole', 'graffiti', 'light']);
    return fact(`r${String(i).padStart(5, '0')}`, {
      service_code, service_name: service_code, area_id: pick(['north', 'south', null]),
      status: closed ? 'closed' : 'open', detailed_status: closed ? 'closed' : pick(['open', 'in_progress']),
      requested_at, updated_at: closed_at ?? requested_at, closed_at,
      expected_at: r() < 0.7 ? requested_at + Math.floor(r() * 200 * HOUR) : null,
      lat: r() < 0.9 ? 41.8 + r() / 10 : null, long: -87.6,
    });
  });
}

export function runDashboardContract(dialect: TestDialect): void {
  describe(`Dashboard contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));
    const d = () => store.dashboard;

    const newSource = async (timezone = TZ): Promise<string> =>
      (await d().saveSource({ kind: 'local', ref: uid('j'), name: 'City', timezone }, START)).id;

    /** Every query of `f` (and the brief of each day) equals the model's count of `list`. */
    async function expectFigures(source_id: string, list: readonly DashboardFact[], f: Omit<DashboardFilter, 'source_id'>, days: string[] = []) {
      const filter = { ...f, source_id };
      const model = new FactModel(list, TZ);
      expect(await d().total(filter)).toBe(model.total(filter));
      expect(await d().countsByService(filter)).toEqual(model.countsByService(filter));
      expect(await d().countsByArea(filter)).toEqual(model.countsByArea(filter));
      for (const bucket of ['day', 'week', 'month'] as const) expect(await d().volume(filter, bucket)).toEqual(model.volume(filter, bucket));
      expect(await d().closeTimes(filter)).toEqual(model.closeTimes(filter));
      expect(await d().backlogByAge(filter, NOW)).toEqual(model.backlogByAge(filter, NOW));
      for (const day of days) expect(await d().brief(filter, day)).toEqual(model.brief(filter, day));
      const newest = model.newest(filter);
      expect((await d().points(filter, 25)).map((p) => p.request_id)).toEqual(
        newest.filter((x) => x.lat !== null && x.long !== null).slice(0, 25).map((x) => x.request_id),
      );
      const streamed: string[] = [];
      for await (const page of d().streamFacts(filter)) streamed.push(...page.map((x) => x.request_id));
      expect(streamed).toEqual(newest.map((x) => x.request_id));
    }

    it('creates, updates, lists and deletes sources, keeping harvest state', async () => {
      const ref = uid('ep');
      const created = await d().saveSource({ kind: 'endpoint', ref, name: 'Elsewhere', timezone: 'Europe/Paris' }, START);
      expect(created).toEqual({
        id: `endpoint:${ref}`, kind: 'endpoint', ref, name: 'Elsewhere', timezone: 'Europe/Paris', enabled: true, area_label: null,
        harvest: { cursor: null, last_run_at: null, last_success_at: null, last_error: null, next_run_at: START, requests_seen: 0 },
        requests: 0, synced_at: null, created_at: START, rebuilding: false,
      });
      expect((await d().dueHarvests(START, 10)).map((s) => s.id)).toContain(created.id);
      const state = { cursor: '{"page":3}', last_run_at: START, last_success_at: START, last_error: null, next_run_at: START + HOUR, requests_seen: 42 };
      await d().saveHarvestState(created.id, state);
      expect((await d().dueHarvests(START, 10)).map((s) => s.id)).not.toContain(created.id);
      const updated = await d().saveSource({ kind: 'endpoint', ref, name: 'Renamed', timezone: 'Europe/Paris', area_label: 'Ward' }, NOW);
      expect(updated).toMatchObject({ name: 'Renamed', area_label: 'Ward', enabled: true, harvest: state, created_at: START });
      await d().saveSource({ kind: 'endpoint', ref, name: 'Renamed', timezone: 'Europe/Paris', enabled: false }, NOW);
      expect(await d().getSource(created.id)).toMatchObject({ enabled: false, area_label: 'Ward' });
      expect((await d().dueHarvests(NOW, 10)).map((s) => s.id)).not.toContain(created.id);
      const local = await newSource();
      expect((await d().getSource(local))?.harvest).toBeNull();
      expect((await d().listSources()).map((s) => s.id)).toEqual(expect.arrayContaining([created.id, local]));
      await d().setAreas(created.id, [{ id: 'a', name: 'A', geometry: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] }]);
      await d().putFacts(created.id, [fact('x1')], NOW);
      expect(await d().deleteSource(created.id)).toBe(true);
      expect(await d().deleteSource(created.id)).toBe(false);
      expect(await d().getSource(created.id)).toBeUndefined();
      expect(await d().listAreas(created.id)).toEqual([]);
      expect(await d().getFacts(created.id, ['x1'])).toEqual([]);
    });

    it('replaces areas in their order and refuses empty or repeated ids', async () => {
      const s = await newSource();
      const square = (x: number): number[][][][] => [[[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]];
      await d().setAreas(s, [{ id: 'z', name: 'Zed', geometry: square(0) }, { id: 'a', name: 'Ay', geometry: square(1) }]);
      expect(await d().listAreas(s)).toEqual([{ id: 'z', name: 'Zed' }, { id: 'a', name: 'Ay' }]);
      expect(await d().areaShapes(s)).toEqual([{ id: 'z', name: 'Zed', geometry: square(0) }, { id: 'a', name: 'Ay', geometry: square(1) }]);
      await expect(d().setAreas(s, [{ id: 'q', name: 'Q', geometry: square(0) }, { id: 'q', name: 'Q2', geometry: square(1) }])).rejects.toThrow(RangeError);
      await expect(d().setAreas(s, [{ id: '', name: 'None', geometry: square(0) }])).rejects.toThrow(RangeError);
      expect(await d().listAreas(s)).toHaveLength(2);
      await d().setAreas(s, [{ id: 'b', name: 'Bee', geometry: square(2) }]);
      expect(await d().listAreas(s)).toEqual([{ id: 'b', name: 'Bee' }]);
    });

    it('moves the rollups by the difference of each write: same fact twice, open -> closed -> open, new area, removed', async () => {
      const s = await newSource();
      const f: Omit<DashboardFilter, 'source_id'> = { from_day: '2024-02-20', to_day: '2024-04-10' };
      const day = '2024-03-01';
      const a = fact('a1', { requested_at: START + 9 * DAY + 5 * HOUR, expected_at: START + 10 * DAY });
      const b = fact('b1', { service_code: 'graffiti', area_id: null, requested_at: START + 10 * DAY });
      await d().putFacts(s, [a, b], NOW);
      await d().putFacts(s, [a, b, a], NOW);
      expect((await d().getSource(s))?.requests).toBe(2);
      expect(await d().getFacts(s, ['a1', 'b1', 'nope'])).toEqual([a, b]);
      await expectFigures(s, [a, b], f, [day]);

      const closed = { ...a, status: 'closed' as const, detailed_status: 'closed', closed_at: START + 12 * DAY, updated_at: START + 12 * DAY };
      await d().putFacts(s, [closed], NOW);
      await expectFigures(s, [closed, b], f, [day, '2024-03-03']);
      const reopened = { ...closed, status: 'open' as const, detailed_status: 'open', closed_at: null };
      await d().putFacts(s, [reopened], NOW);
      await expectFigures(s, [reopened, b], f, [day, '2024-03-03']);
      const moved = { ...reopened, area_id: 'south' };
      await d().putFacts(s, [moved], NOW);
      await expectFigures(s, [moved, b], { ...f, area_ids: ['north'] }, [day]);
      await expectFigures(s, [moved, b], { ...f, area_ids: ['south', ''] }, [day]);
      await d().removeFacts(s, ['a1', 'nope'], NOW);
      expect((await d().getSource(s))?.requests).toBe(1);
      await expectFigures(s, [b], f, [day]);
      await d().removeFacts(s, ['b1'], NOW);
      await expectFigures(s, [], f, [day]);
      expect(await d().volume({ ...f, source_id: s }, 'month')).toEqual([
        { start: '2024-02-01', opened: 0, closed: 0 }, { start: '2024-03-01', opened: 0, closed: 0 }, { start: '2024-04-01', opened: 0, closed: 0 },
      ]);
    });

    it('keeps a closed fact without a close time as closed when updated', async () => {
      const s = await newSource();
      const f = fact('c1', { status: 'closed', closed_at: null, updated_at: START + 11 * DAY });
      await d().putFacts(s, [f], NOW);
      expect(await d().getFacts(s, ['c1'])).toEqual([{ ...f, closed_at: START + 11 * DAY }]);
      expect(await d().closeTimes({ source_id: s, from_day: '2024-03-02', to_day: '2024-03-02' })).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]); // 24 h: the bucket up to 24
    });

    it('answers every query as counted from the facts, across the DST change, under each filter', async () => {
      const s = await newSource();
      const list = facts(400);
      await d().putFacts(s, list.slice(0, 150), NOW);
      await d().putFacts(s, list, NOW);
      const base = { from_day: '2024-02-25', to_day: '2024-03-20' };
      const days = ['2024-03-10', '2024-03-11', '2024-03-17'];
      await expectFigures(s, list, base, days);
      await expectFigures(s, list, { ...base, status: 'open' }, days);
      await expectFigures(s, list, { ...base, status: 'closed' }, days);
      await expectFigures(s, list, { ...base, service_codes: ['pothole', 'light'] }, days);
      await expectFigures(s, list, { ...base, area_ids: [''] }, days);
      await expectFigures(s, list, { ...base, area_ids: ['north', ''], service_codes: ['graffiti'], status: 'closed' }, days);
      await expectFigures(s, list, { from_day: '2024-01-01', to_day: '2024-06-30' });
      // A request made at 23:30 on the day the clocks went forward is of that day, one at 00:30 of the next.
      const edge = [
        fact('e1', { requested_at: Date.UTC(2024, 2, 11, 4, 30) }),
        fact('e2', { requested_at: Date.UTC(2024, 2, 11, 5, 30) }),
      ];
      const t = await newSource();
      await d().putFacts(t, edge, NOW);
      expect(await d().volume({ source_id: t, from_day: '2024-03-10', to_day: '2024-03-11' }, 'day')).toEqual([
        { start: '2024-03-10', opened: 1, closed: 0 }, { start: '2024-03-11', opened: 1, closed: 0 },
      ]);
    });

    it('names the services of its facts, each by its newest fact, in code order', async () => {
      const s = await newSource();
      await d().putFacts(s, [
        fact('s1', { service_code: 'pothole', service_name: 'Old name', requested_at: START + DAY }),
        fact('s2', { service_code: 'pothole', service_name: 'Pothole', service_group: 'Roads', requested_at: START + 2 * DAY }),
        fact('s3', { service_code: 'graffiti', service_name: 'Graffiti', service_group: null }),
        fact('s4', { service_code: 'zebra', service_name: '' }),
      ], NOW);
      expect(await d().serviceNames(s)).toEqual([
        { service_code: 'graffiti', service_name: 'Graffiti', service_group: null },
        { service_code: 'pothole', service_name: 'Pothole', service_group: 'Roads' },
        { service_code: 'zebra', service_name: 'zebra', service_group: 'Streets' },
      ]);
      expect(await d().serviceNames(await newSource())).toEqual([]);
    });

    it('streams more facts than one page, newest first, each once', async () => {
      const s = await newSource();
      const list = facts(4_500, 11).map((x, i) => ({ ...x, requested_at: i % 3 === 0 ? START + DAY : x.requested_at }));
      await d().putFacts(s, list, NOW);
      const f = { source_id: s, from_day: '2024-02-01', to_day: '2024-05-01' };
      const pages: number[] = [];
      const seen: string[] = [];
      for await (const page of d().streamFacts(f)) {
        pages.push(page.length);
        seen.push(...page.map((x) => x.request_id));
      }
      expect(pages).toEqual([2_000, 2_000, 500]);
      expect(seen).toEqual(new FactModel(list, TZ).newest(f).map((x) => x.request_id));
    });

    it('refuses malformed filters and counts nothing in a range that ends before it starts', async () => {
      const s = await newSource();
      await d().putFacts(s, facts(20), NOW);
      const f = { source_id: s, from_day: '2024-03-01', to_day: '2024-03-31' };
      await expect(d().total({ ...f, from_day: '2024-02-30' })).rejects.toThrow(RangeError);
      await expect(d().total({ ...f, to_day: '2024-3-1' })).rejects.toThrow(RangeError);
      await expect(d().total({ ...f, source_id: 'local:nowhere' })).rejects.toThrow(RangeError);
      await expect(d().total({ ...f, from_day: '1900-01-01', to_day: '2100-01-01' })).rejects.toThrow(RangeError);
      await expect(d().volume({ ...f, from_day: '2000-01-01' }, 'day')).rejects.toThrow(RangeError);
      await expect(d().total({ ...f, service_codes: Array.from({ length: 1_001 }, (_, i) => `s${i}`) })).rejects.toThrow(RangeError);
      await expect(d().brief(f, 'yesterday')).rejects.toThrow(RangeError);
      await expect(d().putFacts('local:nowhere', [fact('z')], NOW)).rejects.toThrow(RangeError);
      const backwards = { ...f, from_day: '2024-03-31', to_day: '2024-03-01' };
      expect(await d().total(backwards)).toBe(0);
      expect(await d().volume(backwards, 'week')).toEqual([]);
      expect(await d().points(backwards, 10)).toEqual([]);
      expect(await d().points(f, -5)).toEqual([]);
    });

    it('writes 5,000 facts (and writes them again, changed) well within a second', async () => {
      const s = await newSource();
      const list = facts(5_000, 3);
      let t = performance.now();
      await d().putFacts(s, list, NOW);
      const first = performance.now() - t;
      const changed = list.map((x) => (x.status === 'open' ? { ...x, status: 'closed' as const, closed_at: x.requested_at + HOUR } : x));
      t = performance.now();
      await d().putFacts(s, changed, NOW);
      const second = performance.now() - t;
      console.log(`[${dialect}] putFacts 5,000: ${first.toFixed(0)} ms new, ${second.toFixed(0)} ms changed`);
      // Loose: a loaded test machine; the bound catches a write that grows with the table, not a slow second.
      expect(first).toBeLessThan(5_000);
      await expectFigures(s, changed, { from_day: '2024-02-20', to_day: '2024-04-30' }, ['2024-03-05']);
    });

    it('keeps counts right when writers of one source run at the same time', async () => {
      const s = await newSource();
      const list = facts(600, 5);
      const closedLater = list.map((x) => ({ ...x, status: 'closed' as const, closed_at: x.requested_at + 2 * HOUR }));
      await Promise.all([0, 1, 2, 3, 4, 5].map((k) => d().putFacts(s, (k % 2 ? closedLater : list).slice(k * 100, k * 100 + 300), NOW)));
      const final = await d().getFacts(s, list.map((x) => x.request_id));
      expect(final).toHaveLength(600);
      await expectFigures(s, final, { from_day: '2024-02-20', to_day: '2024-04-30' }, ['2024-03-05']);
    });
  });
}
