/**
 * The dashboard filtered by channel (issue 15): a local source's figures of
 * the requests that came by the chosen channels, counted from the facts. Each
 * query equals the model's count of those requests' facts, and with every
 * channel chosen equals the rollups' answer without the filter. Run by
 * dashboard.test.ts on both dialects.
 */
import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, type RequestChannel } from '@o311/georeport';
import type { DashboardFact, DashboardFilter, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { NOW, START, TZ, facts } from './dashboard-contract.js';
import { FactModel } from './dashboard-model.js';
import { addJurisdiction, newRequest, uid, withFreshStore } from './fixtures.js';

const CHANNEL_OF = (i: number): RequestChannel => (['phone', 'web', 'sms'] as const)[i % 3]!;
const DAYS = ['2024-03-01', '2024-03-10', '2024-03-25'];

export function runDashboardChannelContract(dialect: TestDialect): void {
  describe(`Dashboard by channel: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    /** A local source whose facts are those of `n` requests of a jurisdiction, filed by phone, web and sms in turn. */
    async function localSource(n: number): Promise<{ source_id: string; list: DashboardFact[] }> {
      const j = await addJurisdiction(store);
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push((await store.createRequest(newRequest(j, { channel: CHANNEL_OF(i) }))).id);
      const { id: source_id } = await store.dashboard.saveSource({ kind: 'local', ref: j, name: 'City', timezone: TZ }, START);
      const list = facts(n).map((f, i) => ({ ...f, request_id: ids[i]! }));
      await store.dashboard.putFacts(source_id, list, NOW);
      return { source_id, list };
    }

    /** Every query of `f` with `channels` equals the model's count of `list` under `f`. */
    async function expectSame(f: DashboardFilter, channels: RequestChannel[], list: readonly DashboardFact[]): Promise<void> {
      const d = store.dashboard;
      const model = new FactModel(list, TZ);
      const by = { ...f, channels };
      expect(await d.total(by)).toBe(model.total(f));
      expect(await d.countsByService(by)).toEqual(model.countsByService(f));
      expect(await d.countsByArea(by)).toEqual(model.countsByArea(f));
      for (const bucket of ['day', 'week', 'month'] as const) expect(await d.volume(by, bucket)).toEqual(model.volume(f, bucket));
      expect(await d.closeTimes(by)).toEqual(model.closeTimes(f));
      expect(await d.backlogByAge(by, NOW)).toEqual(model.backlogByAge(f, NOW));
      for (const day of DAYS) expect(await d.brief(by, day)).toEqual(model.brief(f, day));
      const newest = model.newest(f).filter((x) => x.lat !== null && x.long !== null).slice(0, 25);
      expect((await d.points(by, 25)).map((p) => p.request_id)).toEqual(newest.map((x) => x.request_id));
      const streamed: string[] = [];
      for await (const page of d.streamFacts(by)) streamed.push(...page.map((x) => x.request_id));
      expect(streamed).toEqual(model.newest(f).map((x) => x.request_id));
    }

    it('counts only the requests of the chosen channels, under every other filter', async () => {
      const { source_id, list } = await localSource(150);
      const phone = list.filter((_, i) => CHANNEL_OF(i) === 'phone');
      const phoneOrSms = list.filter((_, i) => CHANNEL_OF(i) !== 'web');
      const range = { source_id, from_day: '2024-02-20', to_day: '2024-04-15' };
      await expectSame(range, ['phone'], phone);
      await expectSame({ ...range, status: 'closed' }, ['phone', 'sms'], phoneOrSms);
      await expectSame({ ...range, status: 'open', service_codes: ['pothole', 'light'] }, ['sms', 'phone'], phoneOrSms);
      await expectSame({ ...range, area_ids: ['north', ''] }, ['phone'], phone);
      await expectSame(range, ['email'], []);
    });

    it('with every channel chosen, answers as the rollups do without the filter', async () => {
      const { source_id, list } = await localSource(90);
      const f = { source_id, from_day: '2024-02-25', to_day: '2024-04-10', service_codes: ['graffiti'] };
      await expectSame(f, [...REQUEST_CHANNELS], list);
      // The same model, through the rollups.
      expect(await store.dashboard.total(f)).toBe(new FactModel(list, TZ).total(f));
    });

    it('refuses a channel for a harvested endpoint, whose requests do not say theirs', async () => {
      const { id } = await store.dashboard.saveSource({ kind: 'endpoint', ref: uid('ep'), name: 'Elsewhere', timezone: TZ }, START);
      await expect(store.dashboard.total({ source_id: id, from_day: '2024-03-01', to_day: '2024-03-02', channels: ['phone'] })).rejects.toThrow(RangeError);
    });
  });
}
