/**
 * A real o311 server on a fresh database, seeded through the store: one
 * jurisdiction, services covering all six datatypes (required and optional
 * attributes), a dotted code, a batch, a blackbox and an inactive service, API
 * keys (plain, trusted, rate-limited, revoked) and staff tokens of each role.
 */
import type { FastifyInstance } from 'fastify';
import { openStore, type NewService, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';
import { newService } from '@o311/store';
import { buildApp, type AppOptions } from '../../src/index.js';

export const JURISDICTION = {
  id: 'springfield.example',
  name: 'Springfield',
  contact: 'Springfield 311, 555-0100, 311@springfield.example',
  key_service: 'Ask for a key at https://springfield.example/311/keys',
  timezone: 'America/Chicago',
};

/** The reporter's contact data: must never appear in any public body. */
export const REPORTER = {
  email: 'marge.reporter@private.example',
  first_name: 'Margeline',
  last_name: 'Bouvierson',
  phone: '+1-555-867-5309',
  device_id: 'device-7f3a9c-secret',
  account_id: 'acct-42-secret',
};

export const PII_STRINGS = Object.values(REPORTER);

/** A complete POST form for the fixture's pothole service, with the reporter's contact data; `extra` adds or replaces fields. */
export function potholeForm<V extends string | string[] = string>(apiKey: string, extra: Record<string, V> = {}): Record<string, string | V> {
  return {
    api_key: apiKey,
    service_code: 'pothole',
    lat: '41.8781',
    long: '-87.6298',
    'attribute[SIZE]': 'large',
    description: 'Deep hole near the school',
    ...REPORTER,
    ...extra,
  };
}

const attributes: NewService['attributes'] = [
  {
    variable: true, code: 'SIZE', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1,
    description: 'How big is it?', values: [{ key: 'small', name: 'Small' }, { key: 'large', name: 'Large' }],
  },
  {
    variable: true, code: 'HAZARDS', datatype: 'multivaluelist', required: false, datatype_description: null, order: 2,
    description: 'Who is at risk?',
    values: [{ key: 'car', name: 'Cars' }, { key: 'bike', name: 'Bikes' }, { key: 'walk', name: 'Walkers' }],
  },
  {
    variable: true, code: 'DEPTH', datatype: 'number', required: false, datatype_description: 'centimetres', order: 3,
    description: 'How deep?',
  },
  {
    variable: true, code: 'SEEN', datatype: 'datetime', required: false, datatype_description: null, order: 4,
    description: 'When did you first see it?',
  },
  {
    variable: true, code: 'LANE', datatype: 'string', required: false, datatype_description: null, order: 5,
    description: 'Which lane?',
  },
  {
    variable: true, code: 'DETAILS', datatype: 'text', required: false, datatype_description: null, order: 6,
    description: 'Anything else?',
  },
  {
    variable: false, code: 'NOTICE', datatype: 'text', required: false, datatype_description: null, order: 7,
    description: 'Potholes deeper than 10 cm are fixed first.',
  },
];

const service = (over: Partial<NewService> & Pick<NewService, 'service_code' | 'service_name'>): NewService =>
  newService({ jurisdiction_id: JURISDICTION.id, ...over });

export const SERVICES: NewService[] = [
  service({
    service_code: 'pothole',
    service_name: 'Pothole',
    description: 'A hole in the road',
    keywords: 'road,hole',
    group: 'Streets',
    agency_responsible: 'Streets Department',
    service_notice: 'Potholes are fixed within 3 days.',
    sla_hours: 72,
    attributes,
    translations: {
      es: {
        service_name: 'Bache',
        description: 'Un hoyo en la calle',
        group: 'Calles',
        attributes: { SIZE: { description: '¿Qué tamaño tiene?', values: { small: 'Pequeño', large: 'Grande' } } },
      },
    },
  }),
  service({ service_code: 'trash.bulk', service_name: 'Bulk trash pickup', group: 'Sanitation' }),
  service({ service_code: 'graffiti', service_name: 'Graffiti', type: 'batch', service_notice: 'Reviewed daily.' }),
  service({ service_code: 'noise', service_name: 'Noise complaint', type: 'blackbox', service_notice: 'Forwarded to police.' }),
  service({ service_code: 'retired', service_name: 'Old service', active: false }),
];

export interface Server {
  dialect: TestDialect;
  store: Store;
  app: FastifyInstance;
  /** `http://127.0.0.1:PORT` */
  url: string;
  keys: { plain: string; trusted: string; limited: string; revoked: string };
  staff: { admin: string; agent: string; viewer: string; revoked: string };
  close(): Promise<void>;
}

export interface ServerSetup {
  /** Add to the store before the server starts (after the standard seed). */
  seed?: (store: Store) => Promise<void>;
  /** Skip the standard jurisdiction and services. */
  bare?: boolean;
  options?: Omit<AppOptions, 'store'>;
  /** The store the app sees (e.g. a call-counting or failing proxy). */
  wrapStore?: (store: Store) => Store;
}

export async function startServer(dialect: TestDialect, setup: ServerSetup = {}): Promise<Server> {
  const db: FreshDatabase = await freshMigratedUrl(dialect);
  const store = await openStore(db.url);
  await store.migrate();
  if (!setup.bare) {
    await store.saveJurisdiction(JURISDICTION);
    for (const s of SERVICES) await store.saveService(s);
  }
  const plain = await store.createApiKey({ name: 'app', rate_limit_per_minute: 0, trusted: false });
  const trusted = await store.createApiKey({ name: 'partner', rate_limit_per_minute: 0, trusted: true });
  const limited = await store.createApiKey({ name: 'slow', rate_limit_per_minute: 2, trusted: false });
  const revoked = await store.createApiKey({ name: 'old', rate_limit_per_minute: 0, trusted: true });
  await store.revokeApiKey(revoked.key.id);
  const admin = await store.createStaffToken({ name: 'ada', role: 'admin' });
  const agent = await store.createStaffToken({ name: 'alan', role: 'agent' });
  const viewer = await store.createStaffToken({ name: 'vera', role: 'viewer' });
  const gone = await store.createStaffToken({ name: 'gone', role: 'admin' });
  await store.revokeStaffToken(gone.token.id);
  await setup.seed?.(store);

  const app = await buildApp({ store: setup.wrapStore ? setup.wrapStore(store) : store, logger: false, ...setup.options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    dialect,
    store,
    app,
    url: address,
    keys: { plain: plain.secret, trusted: trusted.secret, limited: limited.secret, revoked: revoked.secret },
    staff: { admin: admin.secret, agent: agent.secret, viewer: viewer.secret, revoked: gone.secret },
    async close() {
      await app.close();
      await store.close();
      await db.cleanup();
    },
  };
}
