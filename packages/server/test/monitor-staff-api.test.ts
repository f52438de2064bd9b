/**
 * The monitor's part of the staff API (issue 12): global admins read an
 * endpoint's monitor (never the webhook secret, only whether one is set),
 * set its interval (bounded), pause, mail alerts (off by default, a boolean,
 * audited) and webhook, and ask for a poll now;
 * other roles are refused; without O311_ROUTER_SECRET a secret cannot be
 * set (409, saying what to set). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { startServer, type Server } from './support/fixture.js';
import { staffCall } from './support/staff.js';

const SECRET = 'monitor-api-router-secret-0123456789';
const HOOK_SECRET = 'api-hook-secret-0123456789';

const ENDPOINT: NewEndpoint = {
  slug: 'polk', name: 'Polk County 311', tier: 'county', country: 'US', base_url: 'https://311.polk.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};

const PATH = '/registry/endpoints/polk/monitor';
const settings = (over: Record<string, unknown> = {}) => ({ interval_s: 900, paused: false, mail_alerts: false, webhook_url: 'https://hooks.polk.example/in', webhook_secret: HOOK_SECRET, ...over });

describe.each(dialects)('staff API: the monitor of a registry endpoint (%s)', (dialect) => {
  let s: Server;
  let bare: Server;

  beforeAll(async () => {
    s = await startServer(dialect, { options: { routerSecret: SECRET }, seed: (store) => store.saveEndpoint(ENDPOINT).then(() => undefined) });
    bare = await startServer(dialect, { options: { routerSecret: '' }, seed: (store) => store.saveEndpoint(ENDPOINT).then(() => undefined) });
  });
  afterAll(async () => {
    await s?.close();
    await bare?.close();
  });

  it('reads and sets the monitor; the secret is write-only', async () => {
    const fresh = await staffCall<Record<string, unknown>>(s.url, 'GET', PATH, s.staff.admin);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ state: 'unknown', interval_s: 300, paused: false, mail_alerts: false, webhook_url: null, webhook_secret_set: false, can_store_secret: true, last_poll_datetime: null });

    const saved = await staffCall<Record<string, unknown>>(s.url, 'PUT', PATH, s.staff.admin, settings());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ interval_s: 900, webhook_url: 'https://hooks.polk.example/in', webhook_secret_set: true });
    expect(JSON.stringify(saved.body)).not.toContain(HOOK_SECRET);
    expect(JSON.stringify((await staffCall(s.url, 'GET', PATH, s.staff.admin)).body)).not.toContain(HOOK_SECRET);

    // Absent: kept. Null: removed, and the webhook with it refused.
    const kept = await staffCall<Record<string, unknown>>(s.url, 'PUT', PATH, s.staff.admin, { interval_s: 60, paused: true, mail_alerts: false, webhook_url: 'https://hooks.polk.example/in' });
    expect(kept.body).toMatchObject({ interval_s: 60, paused: true, webhook_secret_set: true });
    const removed = await staffCall<{ description: string }[]>(s.url, 'PUT', PATH, s.staff.admin, settings({ webhook_secret: null }));
    expect(removed.status).toBe(400);
    const off = await staffCall<Record<string, unknown>>(s.url, 'PUT', PATH, s.staff.admin, settings({ webhook_url: null, webhook_secret: null }));
    expect(off.body).toMatchObject({ webhook_url: null, webhook_secret_set: false });

    const audit = await s.store.listAudit({ limit: 50 });
    expect(audit.filter((e) => e.action === 'registry.endpoint.monitor')).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toContain(HOOK_SECRET);
  });

  it('turns mail alerts on and off, audited; anything but a boolean is refused', async () => {
    const on = await staffCall<Record<string, unknown>>(s.url, 'PUT', PATH, s.staff.admin, settings({ mail_alerts: true, webhook_url: null, webhook_secret: null }));
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ mail_alerts: true });
    expect((await staffCall<Record<string, unknown>>(s.url, 'GET', PATH, s.staff.admin)).body).toMatchObject({ mail_alerts: true });
    expect(await s.store.monitor.getTarget('polk')).toMatchObject({ mail_alerts: true });
    const [audited] = (await s.store.listAudit({ limit: 50 })).filter((e) => e.action === 'registry.endpoint.monitor');
    expect(audited!.details).toMatchObject({ endpoint: 'polk', mail_alerts: true });

    for (const bad of [{ mail_alerts: 'sometimes' }, { mail_alerts: undefined }]) {
      const refused = await staffCall<{ description: string }[]>(s.url, 'PUT', PATH, s.staff.admin, settings({ ...bad, webhook_url: null, webhook_secret: null }));
      expect(refused.status).toBe(400);
      expect(refused.body.map((e) => e.description).join(' ')).toContain('mail_alerts');
    }
    expect(await s.store.monitor.getTarget('polk')).toMatchObject({ mail_alerts: true });
    const off = await staffCall<Record<string, unknown>>(s.url, 'PUT', PATH, s.staff.admin, settings({ webhook_url: null, webhook_secret: null }));
    expect(off.body).toMatchObject({ mail_alerts: false });
  });

  it('refuses intervals out of bounds, bad URLs and short secrets, naming each', async () => {
    expect((await staffCall(s.url, 'PUT', PATH, s.staff.admin, settings({ interval_s: 59 }))).status).toBe(400);
    expect((await staffCall(s.url, 'PUT', PATH, s.staff.admin, settings({ interval_s: 86_401 }))).status).toBe(400);
    const bad = await staffCall<{ description: string }[]>(s.url, 'PUT', PATH, s.staff.admin, settings({ webhook_url: 'http://user:pw@hooks.example/', webhook_secret: 'short' }));
    expect(bad.status).toBe(400);
    expect(bad.body.map((e) => e.description.split(':')[0])).toEqual(['webhook_url', 'webhook_secret']);
  });

  it('refuses bad input with a 400 in the error shape and stores nothing', async () => {
    const before = await s.store.monitor.getTarget('polk');
    const cases: Record<string, unknown>[] = [
      { interval_s: 1e308 }, { interval_s: -1 }, { interval_s: 'abc' }, { interval_s: 90.5 },
      { paused: 'yes' }, { mail_alerts: 'sometimes' }, { mail_alerts: [] },
      { webhook_url: 'javascript:alert(1)' }, { webhook_url: 'file:///etc/passwd' }, { webhook_url: 'https://hooks.polk.example/\u0000in' },
      { webhook_url: `https://hooks.polk.example/${'a'.repeat(100_000)}` }, { webhook_url: 42 },
      { webhook_url: 'http://127.0.0.1:8080/hook' }, { webhook_url: 'http://[::ffff:10.0.0.1]/' }, { webhook_url: 'http://169.254.169.254/latest' },
      { webhook_secret: `${HOOK_SECRET}\u0000` }, { webhook_secret: 'x'.repeat(100_000) },
    ];
    for (const bad of cases) {
      const refused = await staffCall<{ code: number; description: string }[]>(s.url, 'PUT', PATH, s.staff.admin, settings(bad));
      expect(refused.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(refused.body[0]).toMatchObject({ code: 400, description: expect.any(String) });
    }
    expect(await s.store.monitor.getTarget('polk')).toEqual(before);
  });

  it('polls now: the target is due at once', async () => {
    await staffCall(s.url, 'PUT', PATH, s.staff.admin, settings({ interval_s: 3600, webhook_url: null, webhook_secret: undefined }));
    const before = Date.now();
    expect((await staffCall(s.url, 'POST', `${PATH}/poll`, s.staff.admin)).status).toBe(204);
    expect((await s.store.monitor.getTarget('polk'))!.next_poll_at).toBeLessThanOrEqual(Date.now());
    expect((await s.store.monitor.getTarget('polk'))!.next_poll_at).toBeGreaterThanOrEqual(before - 1000);
  });

  it('is for global admins: other roles 403, no token 401, unknown endpoint 404', async () => {
    for (const token of [s.staff.agent, s.staff.viewer]) {
      expect((await staffCall(s.url, 'GET', PATH, token)).status).toBe(403);
      expect((await staffCall(s.url, 'PUT', PATH, token, settings())).status).toBe(403);
      expect((await staffCall(s.url, 'POST', `${PATH}/poll`, token)).status).toBe(403);
    }
    expect((await staffCall(s.url, 'GET', PATH, undefined)).status).toBe(401);
    expect((await staffCall(s.url, 'GET', '/registry/endpoints/nope/monitor', s.staff.admin)).status).toBe(404);
  });

  it('without O311_ROUTER_SECRET no secret can be set (409, saying what to set)', async () => {
    const status = await staffCall<Record<string, unknown>>(bare.url, 'GET', PATH, bare.staff.admin);
    expect(status.body).toMatchObject({ can_store_secret: false });
    const refused = await staffCall<{ description: string }[]>(bare.url, 'PUT', PATH, bare.staff.admin, settings());
    expect(refused.status).toBe(409);
    expect(refused.body[0]!.description).toContain('O311_ROUTER_SECRET');
    expect((await staffCall(bare.url, 'PUT', PATH, bare.staff.admin, settings({ webhook_url: null, webhook_secret: undefined, interval_s: 120 }))).status).toBe(200);
  });
});
