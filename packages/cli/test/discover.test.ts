/** `o311 discover LAT LONG` on the local registry (both dialects) and against another server's discovery API. */
import { openStore, newService, type Store } from '@o311/store';
import { buildApp, type FastifyInstance } from '@o311/server';
import { decodeLookup } from '@o311/georeport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import {
  COUNTY_SERVICES, IN_SPRINGFIELD, NOWHERE, seedRegistry, startServiceStub, type ServiceStub,
} from '../../server/test/support/registry.js';
import { cli } from './support.js';

const POINT = [String(IN_SPRINGFIELD.lat), String(IN_SPRINGFIELD.long)];

describe.each(dialects)('o311 discover (%s)', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let stub: ServiceStub;
  let database: string[];

  beforeAll(async () => {
    stub = await startServiceStub();
    db = await freshUrl(dialect);
    database = ['--database', db.url];
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction({ id: 'springfield.example', name: 'Springfield', contact: '', key_service: '', timezone: 'America/Chicago' });
    await store.saveService(newService({ jurisdiction_id: 'springfield.example', service_code: 'pothole', service_name: 'Pothole' }));
    await seedRegistry(store, stub.base);
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
    await stub?.close();
  });

  it('prints the endpoints grouped by tier, smallest first', async () => {
    const r = await cli(['discover', ...POINT, ...database]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe([
      '40.5, -89.5: 3 endpoints',
      '',
      'city:',
      '  Springfield 311 [springfield]: served here (jurisdiction springfield.example)',
      '    boundary: Springfield (springfield-city, approximate)',
      '',
      'county:',
      `  Sangamon County Roads [sangamon] (test): ${stub.base}`,
      '    boundary: Sangamon County (sangamon-county)',
      '    API keys: https://sangamon.example/keys',
      '',
      'state:',
      '  Lincoln State Highways [lincoln]: http://127.0.0.1:1/open311/v2/',
      '    boundary: State of Lincoln (lincoln-state)',
      '',
    ].join('\n'));
    expect(stub.calls).toBe(0);
  });

  it('adds the services with --services: local, remote (with --allow-private) and why one is unavailable', async () => {
    const r = await cli(['discover', ...POINT, '--services', '--allow-private', ...database]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('    services (1):\n      pothole: Pothole\n');
    expect(r.stdout).toContain('    services (2):\n      road-damage: County road damage\n      culvert: Blocked culvert\n');
    expect(r.stdout).toMatch(/Lincoln State Highways[^\n]*\n[^\n]*\n {4}services unavailable: \S/);
  });

  it('refuses to fetch from loopback without --allow-private, and says so', async () => {
    const before = stub.calls;
    const r = await cli(['discover', ...POINT, '--services', '--tier', 'county', ...database]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/services unavailable: Refusing to connect to 127\.0\.0\.1: not a public internet address/);
    expect(stub.calls).toBe(before);
  });

  it('prints the API\'s JSON with --format json', async () => {
    const r = await cli(['discover', ...POINT, '--format', 'json', '--services', '--allow-private', ...database]);
    expect(r.code).toBe(0);
    const a = decodeLookup(r.stdout, 'json');
    expect(a.endpoints.map((e) => e.slug)).toEqual(['springfield', 'sangamon', 'lincoln']);
    expect(a.endpoints[1]!.services).toEqual(COUNTY_SERVICES);
  });

  it('says when no endpoint covers the point, and refuses bad coordinates and tiers', async () => {
    expect(await cli(['discover', String(NOWHERE.lat), String(NOWHERE.long), ...database])).toMatchObject({ code: 0, stdout: 'no endpoint covers -45, -30\n' });
    const bad = await cli(['discover', '91', 'east', ...database]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("error: lat 91 is outside -90..90.; long 'east' is not a decimal number.\n");
    expect((await cli(['discover', ...POINT, '--tier', 'galaxy', ...database])).code).toBe(2);
    expect((await cli(['discover', ...POINT, '--format', 'yaml', ...database])).code).toBe(2);
  });

  describe('--remote', () => {
    let app: FastifyInstance;
    let url: string;

    beforeAll(async () => {
      app = await buildApp({ store, logger: false, discovery: { allowPrivate: true } });
      url = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => app?.close());

    it('asks the server\'s discovery API and prints the same', async () => {
      const local = await cli(['discover', ...POINT, ...database]);
      const remote = await cli(['discover', ...POINT, '--remote', url, '--allow-private']);
      expect(remote).toMatchObject({ code: 0, stdout: local.stdout });
      const json = await cli(['discover', ...POINT, '--remote', `${url}/`, '--allow-private', '--services', '--format', 'json']);
      expect(decodeLookup(json.stdout, 'json').endpoints[1]!.services).toEqual(COUNTY_SERVICES);
    });

    it('refuses a loopback server without --allow-private, and reports the server\'s own errors', async () => {
      const refused = await cli(['discover', ...POINT, '--remote', url]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/refusing to ask 127\.0\.0\.1:\d+: .*add --allow-private/);
      const wrong = await cli(['discover', ...POINT, '--remote', `${url}/nothing-here`, '--allow-private']);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/answered HTTP 404: No resource at GET \/nothing-here\/discovery\/v1\/lookup\.json/);
      expect((await cli(['discover', ...POINT, '--remote', url, ...database])).code).toBe(2);
    });
  });
});
