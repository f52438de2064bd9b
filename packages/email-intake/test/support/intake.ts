/**
 * A real server (no HTTP listening needed) on a fresh database with one city,
 * a pothole service and the intake at report@riverton.example: the intake's
 * context, for ingestMail and the SMTP listener.
 */
import { newService, openStore, type Store } from '@o311/store';
import { buildApp, type FastifyInstance, type ServiceContext } from '@o311/server';
import type { TestDialect, FreshDatabase } from '../../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';
import { parseIntakeAddress } from '../../src/addresses.js';
import type { IntakeContext } from '../../src/intake-context.js';
import { DEFAULT_MAIL_LIMITS, type MailLimits } from '../../src/limits.js';

export const CITY = { id: 'riverton', name: 'Riverton', contact: '311', key_service: 'ask', timezone: 'America/Chicago' };
export const INTAKE = 'report@riverton.example';

export interface IntakeFixture {
  ic: IntakeContext;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function intakeFixture(dialect: TestDialect, limits: Partial<MailLimits> = {}): Promise<IntakeFixture> {
  const db: FreshDatabase = await freshMigratedUrl(dialect);
  const store = await openStore(db.url);
  await store.migrate();
  await store.saveJurisdiction(CITY);
  await store.saveService(
    newService({ jurisdiction_id: CITY.id, service_code: 'POTHOLE', service_name: 'Pothole', keywords: 'pothole, road, hole', description: 'Holes in the road' }),
  );
  await store.saveService(newService({ jurisdiction_id: CITY.id, service_code: 'GRAFFITI', service_name: 'Graffiti', keywords: 'paint, tag' }));
  await store.saveService(newService({
    jurisdiction_id: CITY.id, service_code: 'STREETLIGHT', service_name: 'Streetlight', keywords: 'streetlight, lamp',
    attributes: [{ code: 'POLE', variable: true, datatype: 'string', required: true, datatype_description: null, order: 1, description: 'Pole number' }],
  }));
  await store.gazetteer.replace(CITY.id, {
    addresses: [{ street_key: 'main street', street: 'Main St', number: 10, number_text: '10', unit: null, postcode: null, lat: 41.5, long: -93.6 }],
    streets: [{ street_key: 'main street', name: 'Main St', lat: 41.5, long: -93.6 }],
  });
  let services: ServiceContext | undefined;
  const app = await buildApp({ store, logger: false, plugins: [async (_app, ctx) => void (services = ctx)] });
  await app.ready();
  if (!services) throw new Error('the server gave no context');
  const ic: IntakeContext = { services, addresses: [parseIntakeAddress(INTAKE, CITY.id)!], limits: { ...DEFAULT_MAIL_LIMITS, ...limits } };
  return {
    ic, store, app,
    async close() {
      await app.close();
      await store.close();
      await db.cleanup();
    },
  };
}
