/**
 * A small discovery registry for tests: nested squares around Springfield
 * (city inside county inside state inside nation), a neighbouring city that
 * shares the city's eastern border, and endpoints of every kind: local,
 * remote (a stub on 127.0.0.1), unreachable, retired.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Service, Tier } from '@o311/georeport';
import type { NewBoundary, NewEndpoint, Store } from '@o311/store';

const square = (west: number, south: number, size: number): NewBoundary['geometry'] => [
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
];

const boundary = (id: string, name: string, tier: Tier, geometry: NewBoundary['geometry']): NewBoundary => ({
  id, name, tier, source: 'drawn for tests', approximate: tier === 'city', geometry,
});

export const BOUNDARIES: NewBoundary[] = [
  boundary('springfield-city', 'Springfield', 'city', square(-90, 40, 1)),
  boundary('shelbyville-city', 'Shelbyville', 'city', square(-89, 40, 1)),
  boundary('sangamon-county', 'Sangamon County', 'county', square(-91, 39, 3)),
  boundary('lincoln-state', 'State of Lincoln', 'state', square(-95, 35, 10)),
  boundary('freedonia', 'Freedonia', 'nation', square(-120, 25, 50)),
];

/** Inside Springfield only (and everything around it). */
export const IN_SPRINGFIELD = { lat: 40.5, long: -89.5 };
/** On the border Springfield shares with Shelbyville. */
export const ON_BORDER = { lat: 40.5, long: -89 };
/** Inside the state, outside every city and the county. */
export const IN_STATE_ONLY = { lat: 36, long: -94 };
export const NOWHERE = { lat: -45, long: -30 };

const endpoint = (e: Partial<NewEndpoint> & Pick<NewEndpoint, 'slug' | 'name' | 'tier' | 'boundary_id'>): NewEndpoint => ({
  country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false, formats: ['json', 'xml'],
  api_key_url: null, terms_url: null, contact_email: null, status: 'production', quirks: null, notes: '', ...e,
});

export function registryEndpoints(remoteBase: string): NewEndpoint[] {
  return [
    endpoint({
      slug: 'springfield', name: 'Springfield 311', tier: 'city', boundary_id: 'springfield-city', local: true,
      jurisdiction_id: 'springfield.example', contact_email: '311@springfield.example',
    }),
    endpoint({ slug: 'shelbyville', name: 'Shelbyville 311', tier: 'city', boundary_id: 'shelbyville-city', base_url: 'http://127.0.0.1:1/open311/v2/' }),
    endpoint({
      slug: 'sangamon', name: 'Sangamon County Roads', tier: 'county', boundary_id: 'sangamon-county', base_url: remoteBase,
      jurisdiction_id: 'sangamon.example', api_key_url: 'https://sangamon.example/keys', status: 'test',
    }),
    // Nothing listens on port 1: connection refused.
    endpoint({ slug: 'lincoln', name: 'Lincoln State Highways', tier: 'state', boundary_id: 'lincoln-state', base_url: 'http://127.0.0.1:1/open311/v2/', formats: ['xml'] }),
    endpoint({ slug: 'freedonia-old', name: 'Freedonia (old)', tier: 'nation', boundary_id: 'freedonia', status: 'retired', country: 'FD' }),
  ];
}

export async function seedRegistry(store: Store, remoteBase: string): Promise<void> {
  await store.saveBoundaries(BOUNDARIES);
  for (const e of registryEndpoints(remoteBase)) await store.saveEndpoint(e);
}

export const COUNTY_SERVICES: Service[] = [
  { service_code: 'road-damage', service_name: 'County road damage', description: 'Holes, cracks', metadata: false, type: 'realtime', keywords: null, group: 'Roads' },
  { service_code: 'culvert', service_name: 'Blocked culvert', description: null, metadata: false, type: 'realtime', keywords: null, group: null },
];

/** A GeoReport endpoint on 127.0.0.1 that answers services.json (and counts the calls). */
export interface ServiceStub {
  /** Its base URL, `http://127.0.0.1:PORT/open311/v2/`. */
  base: string;
  /** Service list calls so far. */
  calls: number;
  services: Service[];
  /** While set, answers wait for it. */
  gate?: Promise<void>;
  close(): Promise<void>;
}

export async function startServiceStub(services: Service[] = COUNTY_SERVICES): Promise<ServiceStub> {
  const stub: ServiceStub = { base: '', calls: 0, services, close: () => Promise.resolve() };
  const server: HttpServer = createServer((request, response) => {
    if (!request.url?.startsWith('/open311/v2/services.json')) {
      response.writeHead(404).end();
      return;
    }
    stub.calls++;
    void (stub.gate ?? Promise.resolve()).then(() => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(stub.services));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/`;
  stub.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return stub;
}
