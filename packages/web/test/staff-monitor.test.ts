/**
 * The registry admin's monitor section (issue 12): a global admin sees where
 * an endpoint stands, sets its interval (bounded), pauses it, turns e-mail
 * alerts to the registry contact on and off (disabled, saying why, without a
 * contact address), sets an alert webhook with a secret that is stored sealed and never shown (only "a
 * secret is set"), and asks for a poll now; problems come back on the page,
 * marked on their fields. Other roles and forged forms are refused. en/es/fr.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialBox, ROUTER_SECRET_ENV } from '@o311/router';
import type { NewEndpoint } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const SECRET = 'web test router secret, long enough';
const HOOK_SECRET = 'hook-secret-0123456789-abcdef';

const ENDPOINT: NewEndpoint = {
  slug: 'polk', name: 'Polk County 311', tier: 'county', country: 'US', base_url: 'https://311.polk.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: 'ops@polk.example', status: 'production', boundary_id: null, quirks: null, notes: '',
};

describe.each(dialects)('the monitor in the registry admin (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;

  beforeAll(async () => {
    const before = process.env[ROUTER_SECRET_ENV];
    process.env[ROUTER_SECRET_ENV] = SECRET;
    try {
      t = await buildWebTestApp({ dialect });
    } finally {
      if (before === undefined) delete process.env[ROUTER_SECRET_ENV];
      else process.env[ROUTER_SECRET_ENV] = before;
    }
    admin = await t.login('admin');
    await t.store.saveEndpoint(ENDPOINT);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the state and settings, saves them with a sealed, write-only secret, and polls now', async () => {
    const first = (await t.get('/staff/registry/polk', admin)).body;
    expect(first).toContain('<h2 id="monitor-title">Monitor</h2>');
    expect(first).toContain('not polled yet');
    expect(first).toMatch(/id="monitor-interval" name="interval_s" value="300"/);
    expect(first).toContain('No secret is set');
    // Mail alerts: offered to the contact, off until turned on.
    expect(first).toMatch(/<input type="checkbox" id="monitor-mail" name="mail_alerts" value="on" aria-describedby="monitor-mail-hint">/);
    expect(first).toContain('<label for="monitor-mail">E-mail alerts to ops@polk.example</label>');
    expect(first).toMatch(/id="monitor-paused" name="paused" value="on"/);

    const saved = await t.postForm('/staff/registry/polk/monitor', {
      interval_s: '120', paused: 'on', mail_alerts: 'on', webhook_url: 'https://hooks.polk.example/o311', webhook_secret: HOOK_SECRET,
    }, admin);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/registry/polk?done=monitor-saved#monitor-section');
    const target = await t.store.monitor.getTarget('polk');
    expect(target).toMatchObject({ interval_s: 120, paused: true, mail_alerts: true, webhook_url: 'https://hooks.polk.example/o311' });
    expect(target!.webhook_secret_sealed).not.toContain(HOOK_SECRET);
    expect(new CredentialBox(SECRET).open('monitor-webhook/polk', target!.webhook_secret_sealed!)).toBe(HOOK_SECRET);

    const page = (await t.get('/staff/registry/polk?done=monitor-saved', admin)).body;
    expect(page).toContain('The monitor settings were saved.');
    expect(page).toContain('A secret is set');
    expect(page).toContain('Paused: not polled');
    expect(page).toMatch(/id="monitor-mail" name="mail_alerts" value="on" checked/);
    expect(page).toMatch(/id="monitor-secret" name="webhook_secret" value=""/);
    expect(page).not.toContain(HOOK_SECRET);
    expect(page).not.toContain(target!.webhook_secret_sealed!);

    // An empty secret keeps the one set.
    await t.postForm('/staff/registry/polk/monitor', { interval_s: '600', webhook_url: 'https://hooks.polk.example/o311', webhook_secret: '' }, admin);
    expect(await t.store.monitor.getTarget('polk')).toMatchObject({
      interval_s: 600, paused: false, mail_alerts: false, webhook_secret_sealed: target!.webhook_secret_sealed,
    });

    const polled = await t.postForm('/staff/registry/polk/monitor/poll', {}, admin);
    expect(polled.headers.location).toBe('/staff/registry/polk?done=poll-queued#monitor-section');
    expect((await t.store.monitor.getTarget('polk'))!.next_poll_at).toBeLessThanOrEqual(Date.now());

    const audit = await t.store.listAudit({ limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['registry.endpoint.monitor', 'registry.endpoint.poll']));
    const changes = audit.filter((e) => e.action === 'registry.endpoint.monitor').map((e) => e.details.mail_alerts);
    // Two saves may share a millisecond: their order is not asserted.
    expect(changes).toHaveLength(2);
    expect(changes).toEqual(expect.arrayContaining([true, false]));
    expect(JSON.stringify(audit)).not.toContain(HOOK_SECRET);
  });

  it('names the problems on their fields and keeps the settings', async () => {
    const before = await t.store.monitor.getTarget('polk');
    const bad = await t.postForm('/staff/registry/polk/monitor', { interval_s: '30', webhook_url: 'ftp://hooks.polk.example/', webhook_secret: 'short' }, admin);
    expect(bad.headers.location).toBe('/staff/registry/polk?monitor=interval,url,secret#monitor-section');
    const page = (await t.get('/staff/registry/polk?monitor=interval,url,secret', admin)).body;
    expect(page).toMatch(/id="monitor-interval"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="monitor-webhook"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="monitor-secret"[^>]*aria-invalid="true"/);
    expect(page).toContain('whole seconds from 60 to 86400');
    expect(await t.store.monitor.getTarget('polk')).toEqual(before);

    await t.store.saveEndpoint({ ...ENDPOINT, slug: 'story', name: 'Story County' });
    const needed = await t.postForm('/staff/registry/story/monitor', { interval_s: '300', webhook_url: 'https://hooks.story.example/' }, admin);
    expect(needed.headers.location).toBe('/staff/registry/story?monitor=secret-needed#monitor-section');
  });

  it('offers no mail alerts without a contact address, saying why; saving keeps them off', async () => {
    await t.store.saveEndpoint({ ...ENDPOINT, slug: 'adair', name: 'Adair County', contact_email: null });
    const page = (await t.get('/staff/registry/adair', admin)).body;
    expect(page).toMatch(/<input type="checkbox" id="monitor-mail" name="mail_alerts" value="on" disabled aria-describedby="monitor-mail-hint">/);
    expect(page).toContain('<label for="monitor-mail">E-mail alerts</label>');
    expect(page).toContain('this endpoint has no contact e-mail in the registry');
    // A browser does not send a disabled checkbox.
    const saved = await t.postForm('/staff/registry/adair/monitor', { interval_s: '300' }, admin);
    expect(saved.headers.location).toBe('/staff/registry/adair?done=monitor-saved#monitor-section');
    expect(await t.store.monitor.getTarget('adair')).toMatchObject({ mail_alerts: false });
  });

  it('speaks Spanish and French', async () => {
    const page = (lang: string) => t.app.inject({ url: '/staff/registry/polk', headers: { cookie: admin.cookie, 'accept-language': lang } });
    const es = (await page('es')).body;
    expect(es).toContain('Consultar ahora');
    expect(es).toContain('Alertas por correo a ops@polk.example');
    const fr = (await page('fr')).body;
    expect(fr).toContain('Interroger maintenant');
    expect(fr).toContain('Alertes par courriel à ops@polk.example');
  });

  it('refuses other roles, a forged form and unknown endpoints', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const auth = await t.login(role);
      expect((await t.postForm('/staff/registry/polk/monitor', { interval_s: '60' }, auth)).statusCode).toBe(403);
      expect((await t.postForm('/staff/registry/polk/monitor/poll', {}, auth)).statusCode).toBe(403);
    }
    expect((await t.postForm('/staff/registry/polk/monitor', { interval_s: '60', _csrf: 'nope' }, admin)).statusCode).toBe(403);
    expect((await t.store.monitor.getTarget('polk'))!.interval_s).toBe(600);
    expect((await t.postForm('/staff/registry/nope/monitor/poll', {}, admin)).statusCode).toBe(404);
  });
});
