/**
 * The real o311 server (the demo city Riverton, 200 requests) on a fresh SQLite
 * or PostgreSQL database, with an unlimited, trusted API key for write mode.
 *
 *   const o311 = await createO311('sqlite', { publicUrl });   // not listening: drive it with app.inject
 *   const live = await startO311('postgres');                   // listening on 127.0.0.1:PORT
 */
import { seedDemoCity } from '@o311/demo';
import { buildApp, type FastifyInstance } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import type { TestDialect } from '../../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';

/** Same seed and clock, same city: every run sees the same catalogue and a fresh 90-day window. */
export const DEMO_SEED = { requests: 200, seed: 311 } as const;

export interface O311 {
  dialect: TestDialect;
  app: FastifyInstance;
  store: Store;
  /** A trusted key without rate limit, for `validate({ write: true, apiKey })`. */
  apiKey: string;
  close(): Promise<void>;
}

export interface LiveO311 extends O311 {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `http://127.0.0.1:PORT/open311/discovery.json` */
  discoveryUrl: string;
}

export const discoveryUrlOf = (origin: string): string => `${origin}/open311/discovery.json`;

export async function createO311(dialect: TestDialect, options: { publicUrl?: string } = {}): Promise<O311> {
  const db = await freshMigratedUrl(dialect);
  let store: Store | undefined;
  try {
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { ...DEMO_SEED, now: Date.now() });
    const { secret } = await store.createApiKey({ name: 'validator', rate_limit_per_minute: 0, trusted: true });
    const app = await buildApp({ store, publicUrl: options.publicUrl, logger: false });
    const opened = store;
    return {
      dialect,
      app,
      store: opened,
      apiKey: secret,
      async close() {
        await app.close();
        await opened.close();
        await db.cleanup();
      },
    };
  } catch (e) {
    await store?.close().catch(() => undefined);
    await db.cleanup();
    throw e;
  }
}

/** o311 listening on a free loopback port; discovery URLs come from the Host header. */
export async function startO311(dialect: TestDialect): Promise<LiveO311> {
  const o311 = await createO311(dialect);
  try {
    const origin = await o311.app.listen({ port: 0, host: '127.0.0.1' });
    return { ...o311, origin, discoveryUrl: discoveryUrlOf(origin) };
  } catch (e) {
    await o311.close();
    throw e;
  }
}
