/**
 * `o311 discovery seed` on SQLite and PostgreSQL (issue 10, item 3): real
 * boundaries and servers, and with --demo the county, state and nation above
 * Riverton, so that a point in Riverton looks up all four tiers; a second run
 * adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { seedDemoCity } from '@o311/demo';
import { RegistryLookup } from '@o311/discovery';
import type { Store } from '@o311/store';
import { dialects, type FreshDatabase } from '../../../test-support/databases.js';
import { withFreshStore } from '../../../test-support/fresh-store.js';
import { cli } from './support.js';

describe.each(dialects)('o311 discovery seed on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  withFreshStore(dialect, (opened) => ({ db, store } = opened));

  const lookup = async (lat: number, long: number) =>
    (await new RegistryLookup(store).lookup(long, lat)).map((h) => `${h.endpoint.slug}@${h.boundary.id}`);

  it('refuses the demo tiers before the demo city exists, in one line', async () => {
    const r = await cli(['discovery', 'seed', '--demo', '--database', db.url]);
    expect(r).toMatchObject({
      code: 1, stdout: '',
      stderr: 'error: cannot seed the discovery registry: the demo city riverton.example is not in the database: seed it first (o311 serve --demo)\n',
    });
    expect(await store.listEndpoints({ limit: 10, offset: 0 })).toEqual([]);
  });

  it('seeds real boundaries, the known servers and the demo tiers: a point in Riverton answers city, county, state and nation', async () => {
    await seedDemoCity(store, { requests: 0 });
    const r = await cli(['discovery', 'seed', '--demo', '--database', db.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^boundaries: 3,556 added, 0 already seeded\nendpoints: 35 added, 0 already seeded\ndemo jurisdictions: 3 added with 8 services\nseeded the discovery registry in \d+\.\d s\n$/,
    );
    expect(await lookup(41.5868, -93.625)).toEqual([
      'riverton@demo-riverton', 'tallgrass-county@demo-tallgrass-county', 'prairie-state@demo-prairie-state', 'federal-demo@country-840',
    ]);
    // Beyond the demo county, still in the demo state and the nation.
    expect(await lookup(42.5, -93.6)).toEqual(['prairie-state@demo-prairie-state', 'federal-demo@country-840']);
    expect(await lookup(41.8781, -87.6298)).toEqual(['chicago-il@city-chicago-il', 'federal-demo@country-840']);
    expect(await lookup(43.6532, -79.3832)).toEqual(['toronto-on@city-toronto-on']);
    expect(await lookup(30, -40)).toEqual([]);
    expect((await store.primaryJurisdiction())?.id).toBe('riverton.example');
  });

  it('adds nothing when run again', async () => {
    const revision = await store.registryRevision();
    const r = await cli(['discovery', 'seed', '--demo', '--database', db.url]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^boundaries: 0 added, 3,556 already seeded\nendpoints: 0 added, 35 already seeded\ndemo jurisdictions: 0 added with 0 services\n/);
    expect(await store.registryRevision()).toBe(revision);
  });
});
