/**
 * A federation of real `o311 serve` processes: three o311 upstreams (a city,
 * its county and a water utility, whose boundaries overlap), each on its own
 * SQLite database with its own services and the API key it gave the router;
 * and the router's database, whose discovery registry holds the three, with
 * their upstream keys set through `o311 discovery upstream-key set` as an
 * operator would.
 *
 *   county  (-91..-88, 39..42)    city (-90..-89, 40..41)
 *   utility (-90.5..-89, 39.5..41)
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tier } from '@o311/georeport';
import { newService, openStore, type Jurisdiction, type NewBoundary, type NewEndpoint, type NewService } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../test-support/databases.js';
import { freshMigratedUrl } from '../../test-support/migrated-databases.js';
import { runCli } from './processes.js';

export const ROUTER_SECRET = 'the router secret of the multi-process federation';
export const ROUTER_ENV = { O311_ROUTER_SECRET: ROUTER_SECRET };

/** In the city, the county and the utility's area. */
export const IN_ALL = { lat: 40.5, long: -89.5 };

export interface UpstreamPlan {
  slug: string;
  tier: Tier;
  jurisdiction: Jurisdiction;
  /** [west, south, size]: a square boundary. */
  square: [number, number, number];
  /** The service the tests post to, and its type. */
  service: { code: string; name: string; type: 'realtime' | 'batch' };
  /** Formats the registry says the endpoint answers (the router reads the first). */
  formats: ('json' | 'xml')[];
}

export const UPSTREAMS: readonly UpstreamPlan[] = [
  {
    slug: 'springfield', tier: 'city', square: [-90, 40, 1], formats: ['json', 'xml'],
    jurisdiction: { id: 'springfield.example', name: 'Springfield', contact: '311@springfield.example', key_service: 'Ask the city.', timezone: 'America/Chicago' },
    service: { code: 'POTHOLE', name: 'Pothole', type: 'realtime' },
  },
  {
    slug: 'sangamon', tier: 'county', square: [-91, 39, 3], formats: ['xml'],
    jurisdiction: { id: 'sangamon.example', name: 'Sangamon County', contact: 'roads@sangamon.example', key_service: 'Ask the county.', timezone: 'America/Chicago' },
    service: { code: 'CULVERT', name: 'Blocked culvert', type: 'realtime' },
  },
  {
    slug: 'lincoln-water', tier: 'utility', square: [-90.5, 39.5, 1.5], formats: ['json', 'xml'],
    jurisdiction: { id: 'water.example', name: 'Lincoln Water', contact: 'leaks@water.example', key_service: 'Ask the utility.', timezone: 'America/Chicago' },
    service: { code: 'LEAK', name: 'Water main leak', type: 'batch' },
  },
];

export interface PreparedUpstream extends FreshDatabase {
  plan: UpstreamPlan;
  /** The key this upstream gave the router, and its id in the upstream's store. */
  routerKey: string;
  routerKeyId: string;
}

/** An upstream's database: its jurisdiction, one service besides the one posted to, and the router's key. */
export async function prepareUpstream(plan: UpstreamPlan): Promise<PreparedUpstream> {
  const db = await freshMigratedUrl('sqlite');
  const store = await openStore(db.url);
  try {
    await store.migrate();
    await store.saveJurisdiction(plan.jurisdiction);
    const services: NewService[] = [
      newService({ jurisdiction_id: plan.jurisdiction.id, service_code: plan.service.code, service_name: plan.service.name, type: plan.service.type, group: plan.tier }),
      newService({ jurisdiction_id: plan.jurisdiction.id, service_code: 'OTHER', service_name: `Something else (${plan.slug})`, group: plan.tier }),
    ];
    for (const s of services) await store.saveService(s);
    const { key, secret } = await store.createApiKey({ name: 'o311 router', rate_limit_per_minute: 0, trusted: false });
    return { ...db, plan, routerKey: secret, routerKeyId: key.id };
  } finally {
    await store.close();
  }
}

const square = ([west, south, size]: [number, number, number]): NewBoundary['geometry'] => [
  [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
];

export interface PreparedRouter extends FreshDatabase {
  /** The router's own key for clients (unlimited). */
  apiKey: string;
}

/** The router's database, its registry pointing at the upstreams' origins, and its client key. */
export async function prepareRouter(dialect: TestDialect, upstreams: readonly { prepared: PreparedUpstream; origin: string }[]): Promise<PreparedRouter> {
  const db = await freshMigratedUrl(dialect);
  const store = await openStore(db.url);
  let apiKey: string;
  try {
    await store.migrate();
    await store.saveBoundaries(upstreams.map(({ prepared: { plan } }) => ({
      id: plan.slug, name: plan.jurisdiction.name, tier: plan.tier, source: 'drawn for tests', approximate: false, geometry: square(plan.square),
    })));
    for (const { prepared: { plan }, origin } of upstreams) {
      const endpoint: NewEndpoint = {
        slug: plan.slug, name: plan.jurisdiction.name, tier: plan.tier, country: 'US', base_url: `${origin}/open311/v2/`, discovery_url: null,
        jurisdiction_id: plan.jurisdiction.id, local: false, formats: plan.formats, api_key_url: null, terms_url: null, contact_email: null,
        status: 'production', boundary_id: plan.slug, quirks: 'o311', notes: '',
      };
      await store.saveEndpoint(endpoint);
    }
    ({ secret: apiKey } = await store.createApiKey({ name: 'federation client', rate_limit_per_minute: 0, trusted: false }));
  } finally {
    await store.close();
  }
  // The upstream keys as an operator sets them: from a file, sealed by the CLI with the router's secret.
  const dir = await mkdtemp(join(tmpdir(), 'o311-keys-'));
  try {
    for (const { prepared } of upstreams) {
      const file = join(dir, `${prepared.plan.slug}.key`);
      await writeFile(file, `${prepared.routerKey}\n`, { mode: 0o600 });
      const set = await runCli(['discovery', 'upstream-key', 'set', prepared.plan.slug, '--key-file', file, '--database', db.url], ROUTER_ENV);
      if (set.code !== 0) throw new Error(`upstream-key set ${prepared.plan.slug}: ${set.code}\n${set.stdout}${set.stderr}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { ...db, apiKey };
}
