/**
 * With a sandbox, o311's discovery document lists two endpoints, production
 * and test (issue 8, item 6): the validator's discovery checks still pass, and
 * the validator, given the sandbox's base URL, validates it as an endpoint too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCity } from '@o311/demo';
import { buildApp, ensureSandbox, type FastifyInstance } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { CHECKS, validate } from '../src/index.js';
import { DEMO_SEED, discoveryUrlOf } from './support/o311-server.js';

describe('o311 with a sandbox', () => {
  let db: FreshDatabase;
  let store: Store;
  let app: FastifyInstance;
  let origin: string;

  beforeAll(async () => {
    db = await freshUrl('sqlite');
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { ...DEMO_SEED, now: Date.now() });
    const sandbox = await ensureSandbox(store);
    app = await buildApp({ store, sandbox, logger: false });
    origin = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.cleanup();
  });

  it('passes every discovery check with production and test listed', async () => {
    const checks = CHECKS.filter((c) => c.id.startsWith('discovery'));
    expect(checks.length).toBeGreaterThan(3);
    const report = await validate({ url: discoveryUrlOf(origin), allowPrivate: true, timeoutMs: 10_000, checks });
    const failed = report.results.filter((r) => r.status === 'fail');
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(report.results.filter((r) => r.status === 'pass').length).toBeGreaterThan(3);
  });

  it('reads the sandbox base as a GeoReport endpoint without jurisdiction_id', async () => {
    const checks = CHECKS.filter((c) => c.id.startsWith('services'));
    expect(checks.length).toBeGreaterThan(0);
    const report = await validate({ url: `${origin}/open311/sandbox/v2/`, allowPrivate: true, timeoutMs: 10_000, checks });
    const failed = report.results.filter((r) => r.status === 'fail' && r.severity === 'error');
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(report.results.some((r) => r.status === 'pass')).toBe(true);
  });
});
