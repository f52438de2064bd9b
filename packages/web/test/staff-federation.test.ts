/**
 * The registry admin's federated-endpoint part (issue 11): a global admin
 * sets, replaces and removes an endpoint's upstream API key (write-only:
 * stored sealed, shown only as set or not set), lists the endpoint's
 * deliveries by state and retries a failed one (CSRF-protected); other roles
 * are refused. Without O311_ROUTER_SECRET the page says why no key can be kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialBox, ROUTER_SECRET_ENV } from '@o311/router';
import type { NewEndpoint, NewFederatedRequest } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';

const SECRET = 'web test router secret, long enough';
const UPSTREAM_KEY = 'polk-county-key-0123456789';

const ENDPOINT: NewEndpoint = {
  slug: 'polk', name: 'Polk County 311', tier: 'county', country: 'US', base_url: 'https://311.polk.example/open311/v2/',
  discovery_url: null, jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null,
  contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
};

const routed = (description: string): NewFederatedRequest => ({
  endpoint_slug: 'polk', service_code: 'ROADKILL',
  fields: { lat: 41.6, long: -93.6, address_string: null, address_id: null, zipcode: null, description, media_url: null, attributes: {} },
  contact: { email: 'ann@private.example', first_name: 'Ann', last_name: null, phone: null, device_id: null },
  account_id: null, api_key_id: null,
});

/** Builds the app while the environment holds `secret` (the app reads it once, at start). */
async function appWithSecret(secret: string | undefined, dialect: 'sqlite' | 'postgres'): Promise<WebTestApp> {
  const before = process.env[ROUTER_SECRET_ENV];
  if (secret === undefined) delete process.env[ROUTER_SECRET_ENV];
  else process.env[ROUTER_SECRET_ENV] = secret;
  try {
    return await buildWebTestApp({ dialect });
  } finally {
    if (before === undefined) delete process.env[ROUTER_SECRET_ENV];
    else process.env[ROUTER_SECRET_ENV] = before;
  }
}

describe.each(dialects)('upstream keys and deliveries in the registry admin (%s)', (dialect) => {
  let t: WebTestApp;
  let admin: StaffAuth;

  beforeAll(async () => {
    t = await appWithSecret(SECRET, dialect);
    admin = await t.login('admin');
    await t.store.saveEndpoint(ENDPOINT);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sets, replaces and removes the key, which is stored sealed and never shown', async () => {
    const empty = (await t.get('/staff/registry/polk', admin)).body;
    expect(empty).toContain('No upstream API key is set');
    expect(empty).toMatch(/<input type="password" id="upstream-key" name="upstream_api_key" value=""/);

    const saved = await t.postForm('/staff/registry/polk/upstream-key', { upstream_api_key: ` ${UPSTREAM_KEY} ` }, admin);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/registry/polk?done=key-saved#upstream-key-section');
    const sealed = await t.store.federation.credential('polk');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(UPSTREAM_KEY);
    expect(new CredentialBox(SECRET).open('polk', sealed!)).toBe(UPSTREAM_KEY);

    const page = (await t.get('/staff/registry/polk?done=key-saved', admin)).body;
    expect(page).toContain('An upstream API key is set');
    expect(page).toContain('The upstream API key was saved.');
    expect(page).toContain('Replace the key');
    expect(page).not.toContain(UPSTREAM_KEY);
    expect(page).not.toContain(sealed);

    const invalid = await t.postForm('/staff/registry/polk/upstream-key', { upstream_api_key: 'two\nlines' }, admin);
    expect(invalid.headers.location).toBe('/staff/registry/polk?key=invalid#upstream-key-section');
    expect((await t.get('/staff/registry/polk?key=invalid', admin)).body).toMatch(/id="upstream-key"[^>]*aria-invalid="true"/);
    expect(await t.store.federation.credential('polk')).toBe(sealed);

    const removed = await t.postForm('/staff/registry/polk/upstream-key/delete', {}, admin);
    expect(removed.headers.location).toBe('/staff/registry/polk?done=key-removed#upstream-key-section');
    expect(await t.store.federation.credential('polk')).toBeUndefined();
    expect((await t.postForm('/staff/registry/polk/upstream-key/delete', {}, admin)).headers.location).toContain('done=key-absent');

    const audit = await t.store.listAudit({ limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['registry.endpoint.upstream-key.set', 'registry.endpoint.upstream-key.remove']));
    expect(JSON.stringify(audit)).not.toContain(UPSTREAM_KEY);
  });

  it('refuses other roles, a missing CSRF token and unknown endpoints', async () => {
    for (const role of ['agent', 'viewer'] as const) {
      const auth = await t.login(role);
      expect((await t.postForm('/staff/registry/polk/upstream-key', { upstream_api_key: 'x' }, auth)).statusCode).toBe(403);
      expect((await t.get('/staff/registry/polk/deliveries', auth)).statusCode).toBe(403);
    }
    const forged = await t.postForm('/staff/registry/polk/upstream-key', { upstream_api_key: 'forged', _csrf: 'nope' }, admin);
    expect(forged.statusCode).toBe(403);
    expect(await t.store.federation.credential('polk')).toBeUndefined();
    expect((await t.postForm('/staff/registry/nope/upstream-key', { upstream_api_key: 'x' }, admin)).statusCode).toBe(404);
    expect((await t.get('/staff/registry/nope/deliveries', admin)).statusCode).toBe(404);
  });

  it('lists the deliveries by state without contact data, and retries a failed one', async () => {
    const ok = await t.store.federation.create(routed('Delivered deer'), Date.now() - 2000);
    await t.store.federation.markAttempt(ok.id, Date.now());
    await t.store.federation.markDelivered(ok.id, '4711', Date.now());
    const refused = await t.store.federation.create(routed('Refused deer'), Date.now() - 1000);
    await t.store.federation.markAttempt(refused.id, Date.now());
    await t.store.federation.markFailed(refused.id, 'SIZE required: How big is it?', Date.now());

    const page = await t.get('/staff/registry/polk/deliveries', admin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Deliveries to Polk County 311');
    expect(page.body).toContain('<code>polk:4711</code>');
    expect(page.body).toContain('SIZE required: How big is it?');
    expect(page.body).toContain(`action="/staff/registry/polk/deliveries/${refused.id}/retry"`);
    expect(page.body).not.toContain(`deliveries/${ok.id}/retry`);
    expect(page.body).not.toContain('ann@private.example');
    const failedOnly = (await t.get('/staff/registry/polk/deliveries?state=failed', admin)).body;
    expect(failedOnly).toContain(refused.id);
    expect(failedOnly).not.toContain('polk:4711');
    expect((await t.get('/staff/registry/polk', admin)).body).toContain('href="/staff/registry/polk/deliveries"');

    expect((await t.postForm(`/staff/registry/polk/deliveries/${refused.id}/retry`, { _csrf: 'nope' }, admin)).statusCode).toBe(403);
    expect((await t.store.federation.get(refused.id))?.state).toBe('failed');
    const retried = await t.postForm(`/staff/registry/polk/deliveries/${refused.id}/retry`, {}, admin);
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/staff/registry/polk/deliveries?done=retried');
    expect((await t.store.federation.get(refused.id))?.state).not.toBe('failed');
    const again = await t.postForm(`/staff/registry/polk/deliveries/${ok.id}/retry`, {}, admin);
    expect(again.headers.location).toBe('/staff/registry/polk/deliveries?done=not-retried');
    expect((await t.postForm('/staff/registry/polk/deliveries/unknown-id/retry', {}, admin)).statusCode).toBe(404);
    const audit = await t.store.listAudit({ limit: 50 });
    expect(audit.some((e) => e.action === 'registry.delivery.retry' && e.details.delivery === refused.id)).toBe(true);
  });
});

describe('the registry admin without O311_ROUTER_SECRET', () => {
  let t: WebTestApp;
  let admin: StaffAuth;

  beforeAll(async () => {
    t = await appWithSecret(undefined, 'sqlite');
    admin = await t.login('admin');
    await t.store.saveEndpoint(ENDPOINT);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says why no key can be stored, offers no key field, and refuses a key posted anyway', async () => {
    const page = (await t.get('/staff/registry/polk', admin)).body;
    expect(page).toContain('this server was started without O311_ROUTER_SECRET');
    expect(page).not.toContain('id="upstream-key"');
    const posted = await t.postForm('/staff/registry/polk/upstream-key', { upstream_api_key: UPSTREAM_KEY }, admin);
    expect(posted.headers.location).toBe('/staff/registry/polk?key=no-secret#upstream-key-section');
    expect(await t.store.federation.credential('polk')).toBeUndefined();
  });
});
