/**
 * A target's first figures come with its first polls, not at the next
 * 10-minute rollup: the poll job queues one rollup when a polled target has
 * no figures yet, and none once every polled target has them (the rollup's
 * cost stays bounded). The local endpoint is polled in process; a manual
 * queue and a fake clock drive the jobs. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/jobs/job-names.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { MonitorRounds } from './support/monitor-rounds.js';

const T0 = Date.UTC(2026, 11, 3, 12, 5);
const HOUR = 3_600_000;

const local: NewEndpoint = {
  slug: 'springfield', name: 'Springfield', tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: JURISDICTION.id, local: true,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};

describe.each(dialects)('first figures after the first polls (%s)', (dialect) => {
  let s: Server;
  const rounds = new MonitorRounds(T0);
  const queue = rounds.queue;
  const round = (): Promise<void> => rounds.round();

  beforeAll(async () => {
    s = await startServer(dialect, { options: { jobs: queue, now: rounds.now, publicUrl: 'https://311.example.org', monitor: { failuresToOpen: 3, timeoutMs: 5000 } } });
    await s.store.saveEndpoint(local, T0);
  }, 60_000);
  afterAll(() => s?.close());

  it('rolls up once after the first poll, so the summary and the current hour have figures at once', { timeout: 60_000 }, async () => {
    expect(queue.jobs(JOB.monitorRollup)).toEqual([]);
    await round();
    expect(queue.jobs(JOB.monitorRollup).map((j) => j.state)).toEqual(['completed']);
    const target = await s.store.monitor.getTarget('springfield');
    expect(target).toMatchObject({ state: 'up', summary: { uptime_24h: 1 } });
    expect(target?.summary?.p50_ms).not.toBeNull();
    const hour = Math.floor(rounds.at / HOUR) * HOUR;
    expect(await s.store.monitor.listHourly('springfield', hour, hour + HOUR)).toMatchObject([{ hour, polls: 1, ups: 1 }]);
  });

  it('queues no more rollups once the target has figures', { timeout: 60_000 }, async () => {
    await round();
    await round();
    expect(queue.jobs(JOB.monitorRollup)).toHaveLength(1);
    expect(await s.store.monitor.listSamples({ slug: 'springfield', limit: 10 })).toHaveLength(3);
  });
});
