/**
 * o311's own server on a fresh SQLite database, seeded with the demo city (Riverton),
 * listening on 127.0.0.1: the reference a conforming client must read without a warning.
 */
import type { AddressInfo } from 'node:net';
import { seedDemoCity, DEMO_JURISDICTION } from '@o311/demo';
import { buildApp, type FastifyInstance } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';

export interface O311Server {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The GeoReport v2 endpoint, with its trailing slash. */
  baseUrl: string;
  discoveryUrl(format: 'xml' | 'json'): string;
  jurisdictionId: string;
  apiKey: string;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startO311(options: { requests?: number; now?: number } = {}): Promise<O311Server> {
  const db = await freshMigratedUrl('sqlite');
  const store = await openStore(db.url);
  await store.migrate();
  await seedDemoCity(store, {
    requests: options.requests ?? 300,
    ...(options.now !== undefined && { now: options.now }),
  });
  const { secret } = await store.createApiKey({ name: 'client tests', rate_limit_per_minute: 0, trusted: true });
  const app = await buildApp({ store, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/open311/v2/`,
    discoveryUrl: (format) => `${origin}/open311/discovery.${format}`,
    jurisdictionId: DEMO_JURISDICTION.id,
    apiKey: secret,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
      await db.cleanup();
    },
  };
}
