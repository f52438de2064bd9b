/**
 * The dashboard's bulk rebuild (beginRebuild, loadFacts, finishRebuild) on
 * both dialects, run by dashboard.test.ts: the rollups it counts in SQL equal,
 * row for row, those that putFacts moves fact by fact, also when writes come
 * in while it loads and builds, and a superseded rebuild stops.
 */
import { describe, expect, it } from 'vitest';
import type { DashboardFact, Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { DAY, facts, fact, HOUR, NOW, START, TZ } from './dashboard-contract.js';
import { FactModel } from './dashboard-model.js';
import { uid, withFreshStore } from './fixtures.js';
import { rawQuery } from './raw.js';

const COUNTS = ['opened', 'opened_still_open', 'closed', 'h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9'];

/** Facts over a year and a half (both DST changes, sparse months, a close before the request, no area, no point). */
function spread(n: number, seed: number): DashboardFact[] {
  return facts(n, seed).map((f, i) => {
    const shift = (i % 7 === 0 ? 400 : i % 5 === 0 ? 200 : 0) * DAY;
    const moved = { ...f, requested_at: f.requested_at + shift, updated_at: f.updated_at + shift, closed_at: f.closed_at === null ? null : f.closed_at + shift };
    return i === 3 && moved.closed_at !== null ? { ...moved, closed_at: moved.requested_at - HOUR, updated_at: moved.requested_at - HOUR } : moved;
  });
}

export function runDashboardRebuildContract(dialect: TestDialect): void {
  describe(`Dashboard bulk rebuild: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));
    const d = () => store.dashboard;
    const newSource = async (): Promise<string> => (await d().saveSource({ kind: 'local', ref: uid('j'), name: 'City', timezone: TZ }, START)).id;

    /** The source's rollup rows that count something, keyed: their counts, and the hours' sum apart (added up in another order). */
    async function rollups(source_id: string): Promise<{ counts: Map<string, string>; hours: Map<string, number> }> {
      const rows = await rawQuery(db.url, `
        select grain, day, service_code, area_id, ${COUNTS.join(', ')}, close_hours_sum from dashboard_daily
        where source_id = '${source_id}' and (opened <> 0 or closed <> 0 or opened_still_open <> 0)`);
      const key = (r: Record<string, unknown>) => `${r.grain}|${r.day}|${r.service_code}|${r.area_id}`;
      return {
        counts: new Map(rows.map((r) => [key(r), COUNTS.map((c) => Number(r[c])).join(',')])),
        hours: new Map(rows.map((r) => [key(r), Number(r.close_hours_sum)])),
      };
    }

    /** A source written fact by fact with putFacts: the reference. */
    async function reference(list: readonly DashboardFact[]): Promise<string> {
      const s = await newSource();
      for (let i = 0; i < list.length; i += 700) await d().putFacts(s, list.slice(i, i + 700), NOW);
      return s;
    }

    async function expectSameAs(ref: string, s: string, list: readonly DashboardFact[]) {
      const [want, got] = [await rollups(ref), await rollups(s)];
      expect(got.counts.size).toBe(want.counts.size);
      expect(Object.fromEntries(got.counts)).toEqual(Object.fromEntries(want.counts));
      for (const [k, h] of want.hours) expect(Math.abs(got.hours.get(k)! - h), k).toBeLessThan(1e-6);
      const f = { source_id: s, from_day: '2024-02-01', to_day: '2025-12-31' };
      expect(await d().volume(f, 'month')).toEqual(await d().volume({ ...f, source_id: ref }, 'month'));
      expect(await d().volume(f, 'month')).toEqual(new FactModel(list, TZ).volume(f, 'month'));
      const day = '2024-03-10';
      expect(await d().brief(f, day)).toEqual(await d().brief({ ...f, source_id: ref }, day));
      expect(await d().getSource(s)).toMatchObject({ requests: list.length, synced_at: NOW, rebuilding: false });
    }

    it('counts the same rollups in SQL as putFacts moves fact by fact, across DST, gaps and a source rebuilt twice', async () => {
      const list = spread(3_000, 21);
      const ref = await reference(list);
      const s = await newSource();
      await d().putFacts(s, facts(300, 4), NOW); // replaced: the rebuild starts from nothing
      for (let round = 0; round < 2; round++) {
        const generation = await d().beginRebuild(s);
        expect(await d().getSource(s)).toMatchObject({ rebuilding: true, requests: 0 });
        for (let i = 0; i < list.length; i += 1_100) expect(await d().loadFacts(s, generation, list.slice(i, i + 1_100))).toBe(true);
        expect(await d().getSource(s)).toMatchObject({ rebuilding: true, requests: list.length }); // progress, before the rollups
        expect(await d().finishRebuild(s, generation, NOW)).toBe(list.length);
        await expectSameAs(ref, s, list);
      }
      const empty = await newSource();
      const generation = await d().beginRebuild(empty);
      expect(await d().finishRebuild(empty, generation, NOW)).toBe(0);
      expect(await d().getSource(empty)).toMatchObject({ requests: 0, synced_at: NOW, rebuilding: false });
    });

    it('counts the writes that come in while it loads and builds, keeping a fact written after it began', async () => {
      const list = spread(2_400, 22);
      const later = list.map((x, i) => (i % 3 === 0 ? { ...x, status: 'closed' as const, detailed_status: 'closed', closed_at: x.requested_at + 5 * HOUR, updated_at: x.requested_at + 5 * HOUR } : x));
      const extra = facts(200, 23).map((x) => ({ ...x, request_id: `n${x.request_id}` }));
      const s = await newSource();
      const generation = await d().beginRebuild(s);
      await d().loadFacts(s, generation, list.slice(0, 1_200));
      await d().putFacts(s, later.slice(0, 1_800), NOW); // half of them loaded already, half not yet
      expect(await d().loadFacts(s, generation, list.slice(1_200))).toBe(true); // older copies: kept out
      const writes = [0, 1, 2, 3].map(async (k) => {
        await d().putFacts(s, [...later.slice(1_800 + k * 150, 1_950 + k * 150), ...extra.slice(k * 50, k * 50 + 50)], NOW);
        await d().removeFacts(s, [list[k * 10]!.request_id], NOW);
      });
      const [facts_] = await Promise.all([d().finishRebuild(s, generation, NOW), ...writes]);
      expect(facts_).toBeGreaterThan(0);
      const removed = new Set([0, 1, 2, 3].map((k) => list[k * 10]!.request_id));
      const final = [...later, ...extra].filter((x) => !removed.has(x.request_id));
      expect(await d().getFacts(s, final.map((x) => x.request_id))).toHaveLength(final.length);
      await expectSameAs(await reference(final), s, final);
    });

    it('stops a rebuild that a later one or a clear superseded; a rebuild keeping its facts counts them again', async () => {
      const s = await newSource();
      const list = spread(500, 24);
      const first = await d().beginRebuild(s);
      const second = await d().beginRebuild(s);
      expect(await d().loadFacts(s, first, list)).toBe(false);
      expect(await d().finishRebuild(s, first, NOW)).toBeUndefined();
      expect(await d().loadFacts(s, second, list)).toBe(true);
      await d().clearFacts(s);
      expect(await d().loadFacts(s, second, list)).toBe(false);
      expect(await d().finishRebuild(s, second, NOW)).toBeUndefined();
      expect(await d().getSource(s)).toMatchObject({ rebuilding: false, requests: 0 });
      await expect(d().beginRebuild('local:nowhere')).rejects.toThrow(RangeError);

      await d().putFacts(s, list, NOW);
      const moved = list.map((x) => ({ ...x, area_id: x.area_id === 'north' ? 'south' : x.area_id }));
      const keep = await d().beginRebuild(s, { keepFacts: true });
      await d().putFacts(s, moved, NOW);
      expect(await d().finishRebuild(s, keep, NOW)).toBe(list.length);
      await expectSameAs(await reference(moved), s, moved);
      expect(await d().getFacts(s, [fact('x').request_id])).toEqual([]);
    });
  });
}
