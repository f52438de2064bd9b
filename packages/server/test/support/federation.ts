/**
 * A federation for tests: two real o311 servers as remote upstreams (a
 * county answering through XML only, a water utility read with a quirk
 * profile), a state endpoint that never answers, and the router: an o311
 * server whose own city (Springfield, the standard fixture) is a local
 * endpoint of its registry. Boundaries overlap:
 *
 *   county  (-91..-88, 39..42)    city (-90..-89, 40..41)
 *   utility (-90.5..-89, 39.5..41)  state (-91..-90.5, 39..39.5)
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Tier } from '@o311/georeport';
import { newService, type NewBoundary, type NewEndpoint, type NewService, type Store } from '@o311/store';
import type { TestDialect } from '../../../../test-support/databases.js';
import { startServer, type Server } from './fixture.js';
import { DAY, seedRequest } from './requests.js';

const square = (west: number, south: number, size: number): NewBoundary['geometry'] => [
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
];

const boundary = (id: string, tier: Tier, geometry: NewBoundary['geometry']): NewBoundary => ({
  id, name: id, tier, source: 'drawn for tests', approximate: false, geometry,
});

/** In the city, the county and the utility's area. */
export const IN_ALL = { lat: 40.5, long: -89.5 };
/** In the county and the utility's area, outside the city. */
export const OUTSIDE_CITY = { lat: 39.7, long: -90.3 };
/** In the county and the state, whose endpoint never answers. */
export const IN_STATE = { lat: 39.2, long: -90.8 };
export const NOWHERE = { lat: -45, long: -30 };

export const at = (p: { lat: number; long: number }): string => `lat=${p.lat}&long=${p.long}`;

const COUNTY = { id: 'sangamon.example', name: 'Sangamon County', contact: 'roads@sangamon.example', key_service: 'Ask the county.', timezone: 'America/Chicago' };
const UTILITY = { id: 'water.example', name: 'Lincoln Water', contact: 'leaks@water.example', key_service: 'Ask the utility.', timezone: 'America/Toronto' };

const county = (s: Partial<NewService> & Pick<NewService, 'service_code' | 'service_name'>): NewService => newService({ jurisdiction_id: COUNTY.id, ...s });

export const COUNTY_SERVICES: NewService[] = [
  county({
    service_code: 'ROADKILL',
    service_name: 'Dead animal on a county road',
    group: 'Roads',
    attributes: [{
      variable: true, code: 'SPECIES', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1,
      description: 'What animal?', values: [{ key: 'deer', name: 'Deer' }, { key: 'other', name: 'Something else' }],
    }],
  }),
  county({ service_code: 'CULVERT', service_name: 'Blocked culvert', group: 'Drainage' }),
];

export const UTILITY_SERVICES: NewService[] = [
  newService({ jurisdiction_id: UTILITY.id, service_code: 'LEAK', service_name: 'Water main leak', group: 'Water', type: 'batch' }),
];

export interface Federation {
  router: Server;
  county: Server;
  utility: Server;
  /** Ids (upstream's own) of the requests seeded, by upstream slug, with their age in days. */
  seeded: { slug: string; id: string; daysAgo: number }[];
  /** Takes the utility down (its address then refuses connections). */
  stopUtility(): Promise<void>;
  close(): Promise<void>;
}

/** Answers nothing, ever (until closed): the state's endpoint. */
async function startSilentServer(): Promise<{ base: string; close(): Promise<void> }> {
  const server: HttpServer = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const endpoint = (e: Partial<NewEndpoint> & Pick<NewEndpoint, 'slug' | 'name' | 'tier' | 'boundary_id'>): NewEndpoint => ({
  country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false, formats: ['json', 'xml'],
  api_key_url: null, terms_url: null, contact_email: null, status: 'production', quirks: null, notes: '', ...e,
});

async function seedJurisdiction(store: Store, j: typeof COUNTY, services: NewService[]): Promise<void> {
  await store.saveJurisdiction(j);
  for (const s of services) await store.saveService(s);
}

export async function startFederation(dialect: TestDialect, o: { timeoutMs?: number } = {}): Promise<Federation> {
  const now = Date.now();
  const seeded: Federation['seeded'] = [];
  const request = async (store: Store, slug: string, jurisdiction_id: string, service_code: string, daysAgo: number) => {
    const r = await seedRequest(store, {
      jurisdiction_id, service_code, requested_at: now - daysAgo * DAY, description: `${slug} ${service_code} ${daysAgo}`,
      lat: IN_ALL.lat, long: IN_ALL.long,
    });
    seeded.push({ slug, id: r.id, daysAgo });
  };
  const opened: { close(): Promise<void> }[] = [];
  try {
    const countyServer = await startServer(dialect, {
      bare: true,
      seed: async (store) => {
        await seedJurisdiction(store, COUNTY, COUNTY_SERVICES);
        await request(store, 'sangamon', COUNTY.id, 'ROADKILL', 1);
        await request(store, 'sangamon', COUNTY.id, 'CULVERT', 3);
        await request(store, 'sangamon', COUNTY.id, 'ROADKILL', 5);
      },
    });
    opened.push(countyServer);
    const utilityServer = await startServer(dialect, {
      bare: true,
      seed: async (store) => {
        await seedJurisdiction(store, UTILITY, UTILITY_SERVICES);
        await request(store, 'lincoln-water', UTILITY.id, 'LEAK', 2);
        await request(store, 'lincoln-water', UTILITY.id, 'LEAK', 4);
      },
    });
    opened.push(utilityServer);
    const silent = await startSilentServer();
    opened.push(silent);
    const router = await startServer(dialect, {
      seed: async (store) => {
        await request(store, 'springfield', 'springfield.example', 'pothole', 0.5);
        await request(store, 'springfield', 'springfield.example', 'trash.bulk', 6);
        await store.saveBoundaries([
          boundary('city', 'city', square(-90, 40, 1)),
          boundary('county', 'county', square(-91, 39, 3)),
          boundary('utility', 'utility', square(-90.5, 39.5, 1.5)),
          boundary('state', 'state', square(-91, 39, 0.5)),
        ]);
        for (const e of [
          endpoint({ slug: 'springfield', name: 'Springfield 311', tier: 'city', boundary_id: 'city', local: true, jurisdiction_id: 'springfield.example' }),
          endpoint({
            slug: 'sangamon', name: 'Sangamon County Roads', tier: 'county', boundary_id: 'county', formats: ['xml'],
            base_url: `${countyServer.url}/open311/v2/`, jurisdiction_id: COUNTY.id,
          }),
          endpoint({
            slug: 'lincoln-water', name: 'Lincoln Water', tier: 'utility', boundary_id: 'utility', quirks: 'toronto',
            base_url: `${utilityServer.url}/open311/v2/`,
          }),
          endpoint({ slug: 'lincoln', name: 'State of Lincoln', tier: 'state', boundary_id: 'state', base_url: silent.base }),
        ]) await store.saveEndpoint(e);
      },
      options: { discovery: { allowPrivate: true, timeoutMs: o.timeoutMs ?? 1000 } },
    });
    opened.push(router);
    return {
      router,
      county: countyServer,
      utility: utilityServer,
      seeded,
      async stopUtility() {
        opened.splice(opened.indexOf(utilityServer), 1);
        await utilityServer.close();
      },
      async close() {
        for (const s of opened.reverse()) await s.close();
      },
    };
  } catch (e) {
    for (const s of opened.reverse()) await s.close().catch(() => undefined);
    throw e;
  }
}
