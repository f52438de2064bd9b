/** The daily prune of the deliveries log on a fake clock: 30 days, each subscriber's newest 50 kept, pending ones never. */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '@o311/store';
import { JURISDICTION } from '../../test/support/fixture.js';
import { withMemoryStore } from '../../test/support/memory-store.js';
import { pruneWebhookHistory } from './prune.js';

const T0 = Date.UTC(2026, 11, 4, 12, 0);
const DAY = 24 * 3_600_000;

describe('pruneWebhookHistory', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  it('forgets finished deliveries past 30 days beyond the newest 50, and never a pending one', async () => {
    await store.saveJurisdiction(JURISDICTION);
    const s = await store.webhooks.createSubscriber({
      id: randomUUID(), jurisdiction_id: JURISDICTION.id, name: 'x', url: 'https://hooks.example/', events: ['created'], secret_sealed: 's', owner_email: 'o@x.example', created_by: 't',
    }, T0);
    const add = async (n: number, at: number) => {
      const [d] = await store.webhooks.addDeliveries([{ id: randomUUID(), subscriber_id: s.id, change_id: n, event: 'request.created', body: '{}', replay_of: null }], at);
      return d!;
    };
    const pending = await add(0, T0);
    for (let n = 1; n <= 60; n++) {
      const d = await add(n, T0 + n);
      await store.webhooks.recordAttempt(d.id, { at: T0 + n, http_status: 200, error: null, latency_ms: 1, excerpt: '' }, 'delivered', { failures: 10, failingForMs: DAY });
    }
    let now = T0 + 30 * DAY;
    const ctx = { store, now: () => now };
    // Not 30 days old yet.
    expect(await pruneWebhookHistory(ctx)).toBe(0);
    now = T0 + 30 * DAY + 61;
    expect(await pruneWebhookHistory(ctx)).toBe(10);
    const left = await store.webhooks.listDeliveries(s.id, { limit: 100 });
    expect(left).toHaveLength(51);
    expect(left.map((d) => d.change_id)).toContain(0);
    expect(Math.min(...left.filter((d) => d.state === 'delivered').map((d) => d.change_id!))).toBe(11);
    expect((await store.webhooks.getDelivery(pending.id))?.state).toBe('pending');
  });
});
