/**
 * The monitor's webhook delivery is guarded where it connects (issue 12): a
 * webhook host whose name resolves to a loopback address (a name that
 * pointed elsewhere when it was set: DNS rebinding) is refused at send time
 * unless the server allows private endpoints; the refusal is recorded on the
 * event, final (not retried), and the receiver hears nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport } from '@o311/client';
import { CredentialBox } from '@o311/router';
import type { MonitorEvent, NewEndpoint, Store } from '@o311/store';
import { PublicOrigin } from '../src/http/public-origin.js';
import { deliverWebhook, type WebhookRuntime } from '../src/monitor/webhook.js';
import { sealWebhookSecret } from '../src/monitor/webhook-secret.js';
import { withMemoryStore } from './support/memory-store.js';

const NOW = Date.UTC(2026, 11, 3, 12, 0);
const box = new CredentialBox('webhook-guard-router-secret-0123456789');
const ENDPOINT: NewEndpoint = {
  slug: 'polk', name: 'Polk County 311', tier: 'county', country: 'US', base_url: 'https://311.polk.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};
const score = (at: number, value: number) => ({ slug: 'polk', at, score: value, errors: 0, warnings: 0, passed: 1, failed: 0, skipped: 0, run_id: null });

describe('monitor webhook delivery: the resolved address is checked when it connects', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));
  let hits = 0;
  let receiver: http.Server;
  let port = 0;
  beforeAll(async () => {
    receiver = http.createServer((_req, res) => {
      hits++;
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  /** A score-drop event of polk, whose webhook is hooks.polk.example (a name the test's resolver sends to loopback). */
  async function eventWithWebhook(): Promise<MonitorEvent> {
    await store.saveEndpoint(ENDPOINT);
    await store.monitor.syncTargets(NOW);
    const url = `http://hooks.polk.example:${port}/in`;
    await store.monitor.saveSettings('polk', { interval_s: 300, paused: false, mail_alerts: false, webhook_url: url, webhook_secret_sealed: sealWebhookSecret(box, 'polk', 'hook-secret-0123456789') }, NOW);
    await store.monitor.recordScore(score(NOW - 86_400_000, 100), { dropBy: 10 });
    const event = await store.monitor.recordScore(score(NOW, 50), { dropBy: 10 });
    expect(event).toMatchObject({ kind: 'score-drop' });
    return event!;
  }

  const runtime = (allowPrivate: boolean): WebhookRuntime => ({
    ctx: { store, now: () => NOW, origin: new PublicOrigin('https://311.example.org'), routerCredentials: box },
    networkTransport: createTransport({ resolver: async () => [{ address: '127.0.0.1', family: 4 }] }),
    allowPrivate,
  });

  it('refuses a name resolving to loopback: recorded, final, nothing sent', async () => {
    const event = await eventWithWebhook();
    hits = 0;
    // Final: it resolves (a retried outcome throws for the queue).
    await expect(deliverWebhook(runtime(false), event.id)).resolves.toBeUndefined();
    expect(hits).toBe(0);
    const after = await store.monitor.getEvent(event.id);
    expect(after).toMatchObject({ webhook_attempts: 1, webhook_status: null, webhook_delivered_at: null });
    expect(after!.webhook_error).toMatch(/127\.0\.0\.1/);
  });

  it('delivers to the same name when the server allows private endpoints', async () => {
    const event = await eventWithWebhook();
    hits = 0;
    await deliverWebhook(runtime(true), event.id);
    expect(hits).toBe(1);
    expect(await store.monitor.getEvent(event.id)).toMatchObject({ webhook_attempts: 1, webhook_status: 200 });
  });
});
