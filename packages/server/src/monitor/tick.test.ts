/** The tick claims every due target in chunks and starts the chunks' polls spread over the minute. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnqueueOptions } from '@o311/jobs';
import { openStore, type NewEndpoint, type Store } from '@o311/store';
import { JOB, type MonitorPollData } from '../jobs/job-names.js';
import { monitorTick, POLL_CHUNK, SPREAD_MS } from './tick.js';

const endpoint = (n: number): NewEndpoint => ({
  slug: `e-${n}`, name: `E ${n}`, tier: 'city', country: 'US', base_url: `https://e${n}.example/open311/v2/`, discovery_url: null,
  jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production',
  boundary_id: null, quirks: null, notes: '',
});

describe('the monitor tick', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    await store.migrate();
  });
  afterEach(() => store.close());

  it('queues every due target once, in chunks that start spread over the minute', async () => {
    const count = 2 * POLL_CHUNK + 7;
    for (let n = 0; n < count; n++) await store.saveEndpoint(endpoint(n));
    const queued: { data: MonitorPollData; options: EnqueueOptions }[] = [];
    const jobs = {
      enqueue: async <T>(name: string, data: T, options: EnqueueOptions = {}) => {
        expect(name).toBe(JOB.monitorPoll);
        queued.push({ data: data as MonitorPollData, options });
        return String(queued.length);
      },
    };
    const now = 1_800_000_000_000;
    expect(await monitorTick({ store, jobs: jobs as never, now: () => now })).toBe(count);
    expect(queued.map((q) => q.data.slugs.length)).toEqual([POLL_CHUNK, POLL_CHUNK, 7]);
    expect(new Set(queued.flatMap((q) => q.data.slugs)).size).toBe(count);
    expect(queued.map((q) => q.options.runAt)).toEqual([now, now + Math.floor(SPREAD_MS / 3), now + Math.floor((2 * SPREAD_MS) / 3)]);
    expect(await monitorTick({ store, jobs: jobs as never, now: () => now })).toBe(0);
  });
});
