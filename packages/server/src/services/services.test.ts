/** Service-layer rules with the store faked. */
import { describe, expect, it } from 'vitest';
import { isOpen311Failure, parseForm, type RequestsQuery } from '@o311/georeport';
import { openJobQueue } from '@o311/jobs';
import type { ApiKey, Jurisdiction, ServiceRecord, StoredRequest } from '@o311/store';
import { PublicOrigin } from '../http/public-origin.js';
import { ReadCache } from '../http/read-cache.js';
import { SharedRateLimiter } from '../http/shared-rate-limiter.js';
import { memoryRateLimits } from '../../test/support/memory-rate-limits.js';
import { authorizeKey, spendingQuota } from './api-keys.js';
import type { ServiceContext } from './context.js';
import { fakeStore, type FakeData } from '../../test/support/fake-store.js';
import { resolveJurisdiction, resolveStaffJurisdiction } from './jurisdictions.js';
import { findRequests, submitRequest } from './requests.js';
import { DEFAULT_LIMITS } from '../app.js';
import { createPointDiscovery } from '../discovery-api/create-point-discovery.js';

const city: Jurisdiction = { id: 'city', name: 'City', contact: 'c', key_service: 'k', timezone: 'UTC' };
const town: Jurisdiction = { ...city, id: 'town' };

const key = (over: Partial<ApiKey> = {}): ApiKey => ({
  id: 'k1', name: 'app', rate_limit_per_minute: 0, trusted: false, created_at: 0, revoked_at: null,
  client: null, public: false, jurisdiction_id: null, ...over,
});

// These rules enqueue nothing: a queue that is never started refuses any use.
const jobs = await openJobQueue('sqlite::memory:');

const context = (data: FakeData, overrides = {}) => {
  const fake = fakeStore(data, overrides);
  const ctx: ServiceContext = {
    store: fake.store, discovery: createPointDiscovery(fake.store), geocoder: { search: async () => [] }, jobs, postLimits: new SharedRateLimiter(memoryRateLimits()), readCache: new ReadCache({ maxBytes: 0, ttlMs: 0 }), limits: DEFAULT_LIMITS, now: () => 1_000_000, publicUrl: undefined, origin: new PublicOrigin(undefined),
  };
  return { ctx, calls: fake.calls };
};

async function failure(p: Promise<unknown>): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  try {
    await p;
  } catch (e) {
    if (isOpen311Failure(e)) return { status: e.status, text: e.message, headers: e.headers };
    throw e;
  }
  throw new Error('expected a failure');
}

const stored = (id: string, over: Partial<StoredRequest> = {}): StoredRequest => ({
  id, jurisdiction_id: 'city', service_code: 's', service_name: 'S', token: null, status: 'open', status_notes: null,
  description: null, agency_responsible: null, service_notice: 'notice', requested_at: 0, updated_at: 0, expected_at: null,
  address: 'a', address_id: null, zipcode: null, lat: null, long: null, media_url: null, attributes: {},
  reporter: { email: 'e@x.org', first_name: null, last_name: null, phone: null, device_id: null, account_id: 'acct' },
  media_ids: [], channel: 'api', ...over,
});

describe('resolveJurisdiction', () => {
  it('defaults to the primary jurisdiction, whatever sorts first; 404 when unknown', async () => {
    const one = context({ jurisdictions: [city] }).ctx.store;
    expect((await resolveJurisdiction(one, undefined)).id).toBe('city');
    expect((await resolveJurisdiction(one, '')).id).toBe('city');
    expect((await failure(resolveJurisdiction(one, 'town'))).status).toBe(404);
    const two = context({ jurisdictions: [city, town], primary: 'town' }).ctx.store;
    expect((await resolveJurisdiction(two, undefined)).id).toBe('town');
    expect((await resolveJurisdiction(two, 'city')).id).toBe('city');
    expect((await failure(resolveJurisdiction(context({}).ctx.store, undefined))).status).toBe(404);
  });

  it('asks for jurisdiction_id (400) when only sandboxes exist, which are never primary', async () => {
    const sandbox = context({ jurisdictions: [{ ...town, sandbox: true }], primary: 'none' }).ctx.store;
    const missing = await failure(resolveJurisdiction(sandbox, undefined));
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('town');
  });
});

describe('resolveStaffJurisdiction', () => {
  const store = (primary = 'city') => context({ jurisdictions: [city, town], primary }).ctx.store;

  it('answers a jurisdiction outside the scope exactly as an unknown one (404)', async () => {
    const outside = await failure(resolveStaffJurisdiction(store(), ['town'], 'city'));
    const unknown = await failure(resolveStaffJurisdiction(store(), ['town'], 'nowhere'));
    expect(outside.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(outside.text).toBe(unknown.text.replace('nowhere', 'city'));
    expect((await resolveStaffJurisdiction(store(), ['town'], 'town')).id).toBe('town');
    expect((await resolveStaffJurisdiction(store(), 'global', 'town')).id).toBe('town');
  });

  it('without a name: the primary one within the scope, else the scope\'s only one, else 400', async () => {
    expect((await resolveStaffJurisdiction(store(), 'global', undefined)).id).toBe('city');
    expect((await resolveStaffJurisdiction(store(), ['town'], undefined)).id).toBe('town');
    expect((await resolveStaffJurisdiction(store('town'), ['city'], undefined)).id).toBe('city');
    expect((await failure(resolveStaffJurisdiction(store('other'), ['city', 'town'], undefined))).status).toBe(400);
    expect((await failure(resolveStaffJurisdiction(store(), [], undefined))).status).toBe(404);
  });
});

describe('authorizeKey', () => {
  const data: FakeData = {
    apiKeys: [
      { secret: 'good', key: key() },
      { secret: 'old', key: key({ id: 'k2', revoked_at: 5 }) },
      { secret: 'slow', key: key({ id: 'k3', rate_limit_per_minute: 1 }) },
      { secret: 'partner', key: key({ id: 'k4', trusted: true }) },
    ],
  };

  const use = { jurisdiction: city, clientAddress: '192.0.2.1' };

  it('needs a live key (403) and, for updates, a trusted one', async () => {
    const { ctx } = context(data);
    expect((await authorizeKey(ctx, 'good', use)).key.id).toBe('k1');
    expect((await failure(authorizeKey(ctx, undefined, use))).text).toMatch(/required/);
    expect((await failure(authorizeKey(ctx, 'bad', use))).text).toMatch(/Invalid api_key/);
    expect((await failure(authorizeKey(ctx, 'old', use))).status).toBe(403);
    expect((await failure(authorizeKey(ctx, 'good', use, { trusted: true }))).status).toBe(403);
    expect((await authorizeKey(ctx, 'partner', use, { trusted: true })).key.id).toBe('k4');
  });

  it('applies the per-key limit with Retry-After (the end of the minute window)', async () => {
    const { ctx } = context(data);
    await authorizeKey(ctx, 'slow', use);
    const limited = await failure(authorizeKey(ctx, 'slow', use));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('20');
    expect((await failure(authorizeKey(ctx, 'slow', { ...use, clientAddress: '192.0.2.2' }))).status).toBe(429);
  });

  it('counts a public key per client address', async () => {
    const { ctx } = context({ apiKeys: [{ secret: 'web', key: key({ id: 'web', rate_limit_per_minute: 1, public: true }) }] });
    await authorizeKey(ctx, 'web', use);
    expect((await failure(authorizeKey(ctx, 'web', use))).status).toBe(429);
    expect((await authorizeKey(ctx, 'web', { ...use, clientAddress: '192.0.2.2' })).key.id).toBe('web');
  });

  it('refuses a key bound to another jurisdiction (403)', async () => {
    const { ctx } = context({ apiKeys: [{ secret: 'play', key: key({ id: 'play', jurisdiction_id: 'town' }) }] });
    expect((await failure(authorizeKey(ctx, 'play', use))).text).toMatch(/only post to jurisdiction_id 'town'/);
    expect((await authorizeKey(ctx, 'play', { ...use, jurisdiction: town })).key.id).toBe('play');
  });

  it('gives the quota back when the call fails, so only accepted calls count', async () => {
    const { ctx } = context(data);
    for (let i = 0; i < 3; i++) {
      const { quota } = await authorizeKey(ctx, 'slow', use);
      await expect(spendingQuota(ctx, quota, async () => { throw new Error('invalid'); })).rejects.toThrow('invalid');
    }
    const { quota } = await authorizeKey(ctx, 'slow', use);
    expect(await spendingQuota(ctx, quota, async () => 'accepted')).toBe('accepted');
    expect((await failure(authorizeKey(ctx, 'slow', use))).status).toBe(429);
  });
});

describe('submitRequest', () => {
  const service = (type: ServiceRecord['type']): ServiceRecord => ({
    jurisdiction_id: 'city', service_code: 's', service_name: 'S', description: null, type, keywords: null, group: null,
    active: true, agency_responsible: null, service_notice: 'notice', sla_hours: null, attributes: [], translations: {},
    blackbox_receipt: 'none', updated_at: 0,
  });
  const form = parseForm('address_string=1+Main&account_id=acct&email=e%40x.org');

  it('gives the receipt the service type calls for, never echoing account_id', async () => {
    const { ctx } = context({}, { createRequest: async () => stored('9', { token: 'tok' }) });
    expect(await submitRequest(ctx, city, key(), service('realtime'), form, [])).toEqual({ service_request_id: '9', service_notice: 'notice', account_id: null });
    expect(await submitRequest(ctx, city, key(), service('batch'), form, [])).toEqual({ token: 'tok', service_notice: 'notice', account_id: null });
    expect(await submitRequest(ctx, city, key(), service('blackbox'), form, [])).toEqual({ service_notice: 'notice', account_id: null });
  });

  it('writes nothing when validation fails', async () => {
    const { ctx, calls } = context({}, { createRequest: async () => stored('9') });
    expect((await failure(submitRequest(ctx, city, key(), service('realtime'), parseForm('lat=1'), []))).status).toBe(400);
    expect(calls).not.toContain('createRequest');
  });
});

describe('findRequests', () => {
  const q = (over: Partial<RequestsQuery> = {}): RequestsQuery => ({
    start: 0, end: 1, page: 1, page_size: 1000, paged: false, extensions: false, ...over,
  });
  const data: FakeData = { jurisdictions: [city], requests: [stored('1'), stored('2'), stored('3')] };
  const projection = { timezone: 'UTC', mediaBase: 'http://x/open311/v2/media/' };

  it('uses one query without paging and adds a count with paging', async () => {
    const plain = context(data);
    const page = await findRequests(plain.ctx, city, q(), projection);
    expect(page.items).toHaveLength(3);
    expect(page.total).toBeUndefined();
    expect(plain.calls).toEqual(['listPublicRequests']);
    const paged = context(data);
    const p2 = await findRequests(paged.ctx, city, q({ paged: true, page: 2, page_size: 2 }), projection);
    expect(p2.items.map((r) => r.service_request_id)).toEqual(['3']);
    expect(p2.total).toBe(3);
    expect(paged.calls.sort()).toEqual(['countRequests', 'listPublicRequests']);
  });

  it('loads events in one batch only with extensions', async () => {
    const ext = context(data);
    const page = await findRequests(ext.ctx, city, q({ extensions: true }), projection);
    expect(page.items.every((r) => r.extended_attributes !== undefined)).toBe(true);
    expect(ext.calls).toEqual(['listPublicRequests', 'listEventsFor']);
  });
});
