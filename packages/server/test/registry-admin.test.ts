/**
 * The registry's admin services (issue 10, item 5): endpoint fields checked
 * and bounded with every problem named, references that must hold, each
 * change audited once, a check queued on save (never awaited), boundaries
 * attached. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen311Failure, type Open311Failure } from '@o311/georeport';
import { dialects } from '../../../test-support/databases.js';
import { JOB } from '../src/index.js';
import { parseEndpointFields } from '../src/registry-admin/endpoint-input.js';
import * as registryAdmin from '../src/registry-admin/registry-admin.js';
import type { ServiceContext } from '../src/services/context.js';
import type { StaffActor } from '../src/services/staff-actor.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';

const ACTOR: StaffActor = { kind: 'token', id: 'tok-1', name: 'registry-bot', channel: 'api', scope: 'global' };

const failure = (run: () => unknown): Open311Failure => {
  try {
    run();
  } catch (e) {
    if (isOpen311Failure(e)) return e;
    throw e;
  }
  throw new Error('no failure');
};

describe('parseEndpointFields', () => {
  it('takes a minimal remote endpoint with defaults', () => {
    expect(parseEndpointFields({ slug: ' Toronto ', name: 'Toronto 311', tier: 'city', base_url: 'https://secure.toronto.ca/open311/v2/' })).toEqual({
      slug: 'toronto', name: 'Toronto 311', tier: 'city', country: null, base_url: 'https://secure.toronto.ca/open311/v2/', discovery_url: null,
      jurisdiction_id: null, local: false, formats: ['xml', 'json'], api_key_url: null, terms_url: null, contact_email: null,
      status: 'production', boundary_id: null, quirks: null, notes: '',
    });
  });

  it('names every problem at once', () => {
    const f = failure(() => parseEndpointFields({
      slug: '-bad slug-', name: '', tier: 'galaxy', status: 'maybe', country: 'USA', base_url: 'ftp://x.example/', discovery_url: 'not a url',
      formats: 'xml,yaml', contact_email: 'nobody', quirks: 'Bad Quirk!', notes: 'x'.repeat(4001), api_key_url: `https://x.example/${'a'.repeat(2048)}`,
    }));
    expect(f.status).toBe(400);
    const text = f.errors.map((e) => e.description).join('\n');
    for (const field of ['slug', 'name', 'tier', 'status', 'country', 'base_url', 'discovery_url', 'formats', 'contact_email', 'quirks', 'notes', 'api_key_url']) {
      expect(text).toContain(field);
    }
  });

  it('needs a base URL for a remote endpoint and a jurisdiction for a local one, whose base URL it drops', () => {
    expect(failure(() => parseEndpointFields({ slug: 'a', name: 'A', tier: 'city' })).errors[0]?.description).toMatch(/base_url/);
    expect(failure(() => parseEndpointFields({ slug: 'a', name: 'A', tier: 'city', local: 'on' })).errors[0]?.description).toMatch(/jurisdiction_id/);
    expect(parseEndpointFields({ slug: 'a', name: 'A', tier: 'county', local: 'on', jurisdiction_id: 'county.example', base_url: 'https://x.example/' }))
      .toMatchObject({ local: true, base_url: null, jurisdiction_id: 'county.example' });
  });
});

describe.each(dialects)('registry admin services (%s)', (dialect) => {
  let s: Server;
  let ctx: ServiceContext;

  beforeAll(async () => {
    s = await startServer(dialect, { options: { plugins: [async (_app, services) => void (ctx = services)] } });
  });
  afterAll(async () => {
    await s?.close();
  });

  const audit = async (action: string) => (await s.store.listAudit({ limit: 50 })).filter((e) => e.action === action);

  it('creates then updates an endpoint, audited once each, with a check queued each time', async () => {
    const fields = { slug: 'springfield', name: 'Springfield', tier: 'city', local: 'on', jurisdiction_id: JURISDICTION.id };
    await registryAdmin.saveEndpoint(ctx, ACTOR, parseEndpointFields(fields));
    await registryAdmin.saveEndpoint(ctx, ACTOR, parseEndpointFields({ ...fields, name: 'Springfield 311' }));
    expect((await s.store.getEndpoint('springfield'))?.name).toBe('Springfield 311');
    expect(await audit('registry.endpoint.create')).toHaveLength(1);
    expect((await audit('registry.endpoint.update'))[0]).toMatchObject({ actor: 'token:tok-1', details: { endpoint: 'springfield', name: 'Springfield 311', token_name: 'registry-bot' } });
    const checks = await ctx.jobs.list({ name: JOB.registryCheck, states: ['queued', 'active', 'completed', 'retry'], limit: 10, offset: 0 });
    expect(checks.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses a boundary or a served jurisdiction that does not exist', async () => {
    const remote = { slug: 'elsewhere', name: 'Elsewhere', tier: 'city', base_url: 'https://elsewhere.example/open311/v2/' };
    await expect(registryAdmin.saveEndpoint(ctx, ACTOR, parseEndpointFields({ ...remote, boundary_id: 'nowhere' }))).rejects.toMatchObject({ status: 400 });
    await expect(registryAdmin.saveEndpoint(ctx, ACTOR, parseEndpointFields({ ...remote, local: 'on', jurisdiction_id: 'unknown.example' })))
      .rejects.toMatchObject({ status: 400 });
    expect(await s.store.getEndpoint('elsewhere')).toBeUndefined();
  });

  it('attaches an uploaded boundary, then deletes the endpoint; unknown endpoints answer 404', async () => {
    await registryAdmin.saveEndpoint(ctx, ACTOR, parseEndpointFields({ slug: 'river', name: 'River', tier: 'city', base_url: 'https://river.example/open311/v2/' }));
    const square = [[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]] as const;
    const attached = await registryAdmin.attachBoundary(ctx, ACTOR, 'river', { id: 'river-city', name: 'River', tier: 'city', source: 'upload', approximate: false, geometry: square });
    expect(attached.boundary_id).toBe('river-city');
    expect((await audit('registry.boundary.attach'))[0]?.details).toMatchObject({ endpoint: 'river', boundary: 'river-city', polygons: 1, bbox: [0, 0, 1, 1] });
    expect(await registryAdmin.checkNow(ctx, ACTOR, 'river')).toBeTypeOf('boolean');
    await registryAdmin.deleteEndpoint(ctx, ACTOR, 'river');
    expect(await s.store.getEndpoint('river')).toBeUndefined();
    for (const run of [() => registryAdmin.deleteEndpoint(ctx, ACTOR, 'river'), () => registryAdmin.checkNow(ctx, ACTOR, 'river')]) {
      await expect(run()).rejects.toMatchObject({ status: 404 });
    }
    expect(await audit('registry.endpoint.delete')).toHaveLength(1);
  });
});
