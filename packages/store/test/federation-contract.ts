/**
 * The contract suite of the federated endpoint's outbox and credentials
 * (federation.ts, issue 11): the same behaviour on SQLite and PostgreSQL, run
 * by sqlite.test.ts and postgres.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FEDERATED_ERROR, type FederatedContact, type NewFederatedRequest, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { T0, uid, withFreshStore } from './fixtures.js';

const CONTACT: FederatedContact = {
  email: 'ann@private.example', first_name: 'Ann', last_name: 'Onymous', phone: '+1-555-0100', device_id: 'dev-1',
};
const NO_CONTACT: FederatedContact = { email: null, first_name: null, last_name: null, phone: null, device_id: null };

const request = (over: Partial<NewFederatedRequest> = {}): NewFederatedRequest => ({
  endpoint_slug: 'polk-county',
  service_code: 'ROADKILL',
  fields: {
    lat: 41.6, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'A deer on the road',
    media_url: null, attributes: { SIZE: 'large', WHO: ['car', 'bike'] },
  },
  contact: CONTACT,
  account_id: null,
  api_key_id: null,
  ...over,
});

export function runFederationContract(dialect: TestDialect): void {
  describe(`Federation contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));
    const f = () => store.federation;

    it('stores a request queued, with a fresh id and token, and reads it back by either', async () => {
      const key = await store.createApiKey({ name: 'router app', rate_limit_per_minute: 0, trusted: false });
      const r = await f().create(request({ api_key_id: key.key.id, account_id: 'acct-1' }), T0);
      expect(r).toMatchObject({
        ...request({ api_key_id: key.key.id, account_id: 'acct-1' }),
        state: 'queued', attempts: 0, last_error: null, upstream_token: null, upstream_id: null,
        created_at: T0, updated_at: T0, last_attempt_at: null, delivered_at: null,
      });
      expect(r.id).not.toBe(r.token);
      expect(await f().get(r.id)).toEqual(r);
      expect(await f().getByToken(r.token)).toEqual(r);
      expect(await f().get('nope')).toBeUndefined();
      expect(await f().getByToken('nope')).toBeUndefined();
      const other = await f().create(request(), T0);
      expect(new Set([other.id, other.token])).not.toContain(r.id);
      expect(other.token).not.toBe(r.token);
    });

    it('keeps the channel the report came by (api when not said)', async () => {
      expect((await f().create(request(), T0)).channel).toBe('api');
      const app = await f().create(request({ channel: 'app' }), T0);
      expect(app.channel).toBe('app');
      expect((await f().get(app.id))?.channel).toBe('app');
      expect((await f().get(app.id))?.fields).toEqual(request().fields);
    });

    it('stores a request once per one-time key and API key; the key for another service is refused', async () => {
      const key = await store.createApiKey({ name: 'web app', rate_limit_per_minute: 0, trusted: false });
      const other = await store.createApiKey({ name: 'other app', rate_limit_per_minute: 0, trusted: false });
      const before = await f().count({ endpoint_slug: 'polk-county' });
      const once = { key: uid('form') };
      const first = await f().create(request({ api_key_id: key.key.id, channel: 'web' }), T0, once);
      const again = await f().create(request({ api_key_id: key.key.id, fields: { ...request().fields, description: 'Sent twice' } }), T0 + 1, once);
      expect(again).toEqual(first);
      expect(first.id).not.toContain(once.key);
      const [x, y] = await Promise.all([
        f().create(request({ api_key_id: key.key.id }), T0, { key: 'form:concurrent' }),
        f().create(request({ api_key_id: key.key.id }), T0, { key: 'form:concurrent' }),
      ]);
      expect(x.id).toBe(y.id);
      expect(x.token).toBe(y.token);
      expect((await f().create(request({ api_key_id: other.key.id }), T0, once)).id, 'another API key, another request').not.toBe(first.id);
      await expect(f().create(request({ api_key_id: key.key.id, service_code: 'POTHOLE' }), T0, once)).rejects.toMatchObject({ kind: 'idempotency-key-reused' });
      expect(await f().count({ endpoint_slug: 'polk-county' }), 'the first, the concurrent pair once, the other key').toBe(before + 3);
    });

    it('counts attempts, keeps errors and the upstream token, and ends delivered once', async () => {
      const r = await f().create(request(), T0);
      const first = await f().markAttempt(r.id, T0 + 1);
      expect(first).toMatchObject({ attempts: 1, last_attempt_at: T0 + 1, state: 'queued' });
      expect(await f().recordError(r.id, 'connection refused', T0 + 2)).toBe(true);
      expect(await f().markAttempt(r.id, T0 + 3)).toMatchObject({ attempts: 2, last_error: 'connection refused' });
      expect(await f().recordUpstreamToken(r.id, 'tok-9', T0 + 4)).toBe(true);
      expect(await f().markDelivered(r.id, '1234', T0 + 5)).toBe(true);
      expect(await f().get(r.id)).toMatchObject({
        state: 'delivered', upstream_id: '1234', upstream_token: 'tok-9', last_error: null, delivered_at: T0 + 5, updated_at: T0 + 5,
      });
      // Final: nothing moves it any more.
      expect(await f().markDelivered(r.id, '999', T0 + 6)).toBe(false);
      expect(await f().markFailed(r.id, 'late', T0 + 6)).toBe(false);
      expect(await f().markAttempt(r.id, T0 + 6)).toBeUndefined();
      expect(await f().requeue(r.id, T0 + 6)).toBe(false);
      expect((await f().get(r.id))?.upstream_id).toBe('1234');
    });

    it('keeps a refusal as failed and an exhausted one as dead; an admin requeues either', async () => {
      const refused = await f().create(request(), T0);
      await f().markAttempt(refused.id, T0);
      expect(await f().markFailed(refused.id, 'x'.repeat(MAX_FEDERATED_ERROR + 50), T0 + 1)).toBe(true);
      const failed = await f().get(refused.id);
      expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
      expect(failed?.last_error).toHaveLength(MAX_FEDERATED_ERROR);
      // A job that runs again does not pick a failed request up.
      expect(await f().markAttempt(refused.id, T0 + 2)).toBeUndefined();
      expect(await f().requeue(refused.id, T0 + 3)).toBe(true);
      expect(await f().get(refused.id)).toMatchObject({ state: 'queued', attempts: 0 });

      const lost = await f().create(request(), T0);
      await f().markAttempt(lost.id, T0);
      expect(await f().markDead(lost.id, 'retries exhausted', T0 + 1)).toBe(true);
      expect(await f().markDead(lost.id, 'again', T0 + 1)).toBe(false);
      // The job queue's own retry of a dead job: a new attempt, queued again.
      expect(await f().markAttempt(lost.id, T0 + 2)).toMatchObject({ state: 'queued', attempts: 2 });
      expect(await f().requeue(lost.id, T0 + 3)).toBe(false);
    });

    it('lists an endpoint’s requests newest first, by state, paged, with a count', async () => {
      const slug = uid('ep').toLowerCase();
      const made = [];
      for (let i = 0; i < 5; i++) made.push(await f().create(request({ endpoint_slug: slug }), T0 + i * 1000));
      await f().markAttempt(made[1]!.id, T0);
      await f().markFailed(made[1]!.id, 'no', T0);
      await f().markAttempt(made[3]!.id, T0);
      await f().markDelivered(made[3]!.id, '7', T0);
      const ids = (rs: { id: string }[]) => rs.map((r) => r.id);
      expect(ids(await f().list({ endpoint_slug: slug, limit: 10, offset: 0 }))).toEqual(ids([...made].reverse()));
      expect(ids(await f().list({ endpoint_slug: slug, limit: 2, offset: 1 }))).toEqual([made[3]!.id, made[2]!.id]);
      expect(ids(await f().list({ endpoint_slug: slug, states: ['queued'], limit: 10, offset: 0 }))).toEqual([made[4]!.id, made[2]!.id, made[0]!.id]);
      expect(ids(await f().list({ endpoint_slug: slug, states: ['failed', 'delivered'], limit: 10, offset: 0 }))).toEqual([made[3]!.id, made[1]!.id]);
      expect(await f().list({ endpoint_slug: slug, states: [], limit: 10, offset: 0 })).toEqual([]);
      expect(await f().count({ endpoint_slug: slug })).toBe(5);
      expect(await f().count({ endpoint_slug: slug, states: ['queued'] })).toBe(3);
      expect(await f().count({ endpoint_slug: 'none-such' })).toBe(0);
      expect(ids(await f().list({ endpoint_slug: slug, created_before: T0 + 2000, limit: 10, offset: 0 }))).toEqual([made[1]!.id, made[0]!.id]);
    });

    it('lists an account’s requests and erases their contact data, leaving the rest', async () => {
      const account = uid('acct');
      const mine = [await f().create(request({ account_id: account }), T0), await f().create(request({ account_id: account }), T0 + 10)];
      const theirs = await f().create(request({ account_id: `${account}-other` }), T0 + 5);
      expect((await f().listByAccount(account)).map((r) => r.id)).toEqual([mine[1]!.id, mine[0]!.id]);
      expect(await f().listByAccount(account, 1)).toHaveLength(1);
      expect(await f().eraseContact(account)).toBe(2);
      for (const r of mine) {
        const erased = await f().get(r.id);
        expect(erased).toMatchObject({ contact: NO_CONTACT, account_id: null, fields: r.fields, service_code: r.service_code });
        expect(JSON.stringify(erased)).not.toContain(CONTACT.email);
      }
      expect(await f().listByAccount(account)).toEqual([]);
      expect((await f().get(theirs.id))?.contact).toEqual(CONTACT);
      expect(await f().eraseContact(account)).toBe(0);
    });

    it('keeps an endpoint’s sealed credential across saves of the endpoint, and removes it', async () => {
      const slug = uid('cred').toLowerCase();
      expect(await f().setCredential(slug, 'sealed')).toBe(false);
      await store.saveEndpoint({
        slug, name: 'Polk County', tier: 'county', country: 'US', base_url: 'https://polk.example/open311/v2/', discovery_url: null,
        jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null,
        status: 'production', boundary_id: null, quirks: null, notes: '',
      });
      expect(await f().credential(slug)).toBeUndefined();
      expect(await f().setCredential(slug, 'v1.sealed-text')).toBe(true);
      expect(await f().credential(slug)).toBe('v1.sealed-text');
      const e = await store.getEndpoint(slug);
      await store.saveEndpoint({ ...e!, name: 'Polk County 311' });
      expect(await f().credential(slug)).toBe('v1.sealed-text');
      expect(JSON.stringify(await store.getEndpoint(slug))).not.toContain('sealed');
      expect(await f().setCredential(slug, null)).toBe(true);
      expect(await f().credential(slug)).toBeUndefined();
      expect(db.dialect).toBe(dialect);
    });
  });
}
