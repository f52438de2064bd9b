/**
 * A small discovery registry around the demo city, for the `/discover`
 * tests: nested squares (city inside county inside state inside nation), and
 * an endpoint of each kind the page shows differently: the citizen app's own
 * jurisdiction, a remote test endpoint (unreachable: loopback is refused), a
 * second jurisdiction of this server, a remote one with only a discovery
 * URL, and a retired one (never shown).
 */
import { DEMO_JURISDICTION } from '@o311/demo';
import type { Tier } from '@o311/georeport';
import { newService, type NewBoundary, type NewEndpoint, type Store } from '@o311/store';

const square = (west: number, south: number, size: number): NewBoundary['geometry'] => [
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
];

const boundary = (id: string, name: string, tier: Tier, geometry: NewBoundary['geometry'], approximate = false): NewBoundary => ({
  id, name, tier, source: 'drawn for tests', approximate, geometry,
});

export const BOUNDARIES: readonly NewBoundary[] = [
  boundary('test-riverton', 'Riverton city limits', 'city', square(-93.7, 41.5, 0.15)),
  boundary('test-county', 'Tallgrass County', 'county', square(-94, 41.2, 1)),
  boundary('test-state', 'State of Prairie', 'state', square(-96.5, 40.4, 5), true),
  boundary('test-nation', 'Freedonia', 'nation', square(-125, 25, 60)),
];

/** City Hall: every tier. */
export const IN_RIVERTON = { lat: 41.5868, long: -93.625 };
/** In the state (and nation) only. */
export const IN_STATE_ONLY = { lat: 40.6, long: -96 };
/** The middle of the Atlantic: nothing. */
export const NOWHERE = { lat: 30, long: -40 };

export const STATE_JURISDICTION = 'prairie-test.example';
export const STATE_SERVICE = 'Highway sign down';

const endpoint = (e: Partial<NewEndpoint> & Pick<NewEndpoint, 'slug' | 'name' | 'tier' | 'boundary_id'>): NewEndpoint => ({
  country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false, formats: ['json', 'xml'],
  api_key_url: null, terms_url: null, contact_email: null, status: 'production', quirks: null, notes: '', ...e,
});

export const ENDPOINTS: readonly NewEndpoint[] = [
  endpoint({
    slug: 'riverton', name: 'Riverton 311', tier: 'city', boundary_id: 'test-riverton', local: true,
    jurisdiction_id: DEMO_JURISDICTION.id, contact_email: 'open311@riverton.example',
  }),
  endpoint({
    slug: 'tallgrass', name: 'Tallgrass <County> Roads', tier: 'county', boundary_id: 'test-county', status: 'test',
    base_url: 'http://127.0.0.1:1/open311/v2/', api_key_url: 'https://tallgrass.example/open311-keys',
    discovery_url: 'https://tallgrass.example/discovery.json',
  }),
  endpoint({ slug: 'prairie', name: 'Prairie DOT', tier: 'state', boundary_id: 'test-state', local: true, jurisdiction_id: STATE_JURISDICTION }),
  endpoint({ slug: 'prairie-old', name: 'Prairie old system', tier: 'state', boundary_id: 'test-state', status: 'retired' }),
  endpoint({ slug: 'freedonia', name: 'Freedonia federal', tier: 'nation', boundary_id: 'test-nation', discovery_url: 'https://gov.freedonia.example/discovery.json' }),
];

export async function seedDiscoverRegistry(store: Store): Promise<void> {
  await store.saveJurisdiction({ id: STATE_JURISDICTION, name: 'State of Prairie', contact: 'DOT', key_service: 'Ask', timezone: 'America/Chicago' });
  await store.saveService(newService({ jurisdiction_id: STATE_JURISDICTION, service_code: 'SIGN', service_name: STATE_SERVICE }));
  await store.saveBoundaries(BOUNDARIES);
  for (const e of ENDPOINTS) await store.saveEndpoint(e);
}
