/** The demo's county, state and nation above Riverton, and Riverton's own outline (issue 10). */
import pointInPolygon from 'point-in-polygon-hao';
import type { MultiPolygon, Position } from '@o311/georeport';
import type { Store } from '@o311/store';
import { describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { withFreshStore } from '../../../test-support/fresh-store.js';
import {
  DEMO_COUNTY, DEMO_JURISDICTION, DEMO_NATION, DEMO_SERVICES, DEMO_STATE, NATION_BOUNDARY_ID, countyOutline, demoRegistry, planRequests,
  rivertonOutline, seedDemoRegion, stateOutline,
} from '../src/index.js';

const covers = (mp: MultiPolygon, [long, lat]: Position): boolean =>
  mp.some((p) => pointInPolygon([long, lat], p as unknown as number[][][]) !== false);

describe("the demo's boundaries", () => {
  it.each([311, 1, 2])('Riverton holds every request of the demo history (seed %i)', (seed) => {
    const outline = rivertonOutline();
    const plans = planRequests({ count: 5000, now: Date.UTC(2026, 2, 1), seed, jurisdiction: DEMO_JURISDICTION, services: DEMO_SERVICES });
    const outside = plans.filter((p) => !covers(outline, [p.row.long!, p.row.lat!]));
    expect(outside).toEqual([]);
  });

  it('nests city in county in state, on the land of Polk County, Iowa', () => {
    const [city, county, state] = [rivertonOutline(), countyOutline(), stateOutline()];
    for (const p of city[0]![0]!) expect(covers(county, p)).toBe(true);
    for (const p of county[0]![0]!) expect(covers(state, p)).toBe(true);
    expect(covers(city, [-93.625, 41.5868])).toBe(true);
    // A closed ring, counter-clockwise (positive shoelace area).
    const ring = city[0]![0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    let twiceArea = 0;
    for (let i = 1; i < ring.length; i++) twiceArea += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
    expect(twiceArea).toBeGreaterThan(0);
  });

  it('gives each tier a local endpoint of this server with its boundary; the nation is the seeded United States', () => {
    const { boundaries, endpoints } = demoRegistry();
    expect(endpoints.map((e) => [e.slug, e.tier, e.jurisdiction_id, e.boundary_id, e.local, e.base_url])).toEqual([
      ['riverton', 'city', DEMO_JURISDICTION.id, 'demo-riverton', true, null],
      ['tallgrass-county', 'county', DEMO_COUNTY.id, 'demo-tallgrass-county', true, null],
      ['prairie-state', 'state', DEMO_STATE.id, 'demo-prairie-state', true, null],
      ['federal-demo', 'nation', DEMO_NATION.id, NATION_BOUNDARY_ID, true, null],
    ]);
    expect(boundaries.map((b) => [b.id, b.tier, b.approximate])).toEqual([
      ['demo-riverton', 'city', false], ['demo-tallgrass-county', 'county', false], ['demo-prairie-state', 'state', false],
    ]);
  });
});

describe.each(dialects)('seedDemoRegion on %s', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  it('refuses before the demo city exists, so that Riverton stays the primary jurisdiction', async () => {
    await expect(seedDemoRegion(store)).rejects.toThrow(/riverton\.example is not in the database/);
    expect(await store.listJurisdictions()).toEqual([]);
  });

  it('adds the county, state and federal jurisdictions with services of their own, once', async () => {
    await store.saveJurisdiction(DEMO_JURISDICTION);
    expect(await seedDemoRegion(store)).toEqual({ jurisdictions: 3, services: 8 });
    expect((await store.primaryJurisdiction())?.id).toBe(DEMO_JURISDICTION.id);
    const codes = async (id: string) => (await store.listServices(id, { includeInactive: true })).map((s) => s.service_code).sort();
    expect(await codes(DEMO_COUNTY.id)).toEqual(['COUNTY_ROAD', 'CULVERT', 'GRAVEL_GRADING']);
    expect(await codes(DEMO_STATE.id)).toEqual(['HIGHWAY_POTHOLE', 'HIGHWAY_SIGN', 'REST_AREA']);
    expect(await codes(DEMO_NATION.id)).toEqual(['FEDERAL_LEVEE', 'MAIL_DELIVERY']);
    const sign = (await store.listServices(DEMO_STATE.id)).find((s) => s.service_code === 'HIGHWAY_SIGN');
    expect(sign).toMatchObject({ agency_responsible: 'Prairie Department of Transportation', translations: { es: { service_name: 'Señal de carretera dañada o faltante' } } });

    // An edit survives a second run, which adds nothing.
    await store.saveJurisdiction({ ...DEMO_COUNTY, name: 'Tallgrass County (edited)' });
    expect(await seedDemoRegion(store)).toEqual({ jurisdictions: 0, services: 0 });
    expect((await store.getJurisdiction(DEMO_COUNTY.id))?.name).toBe('Tallgrass County (edited)');
  });
});
