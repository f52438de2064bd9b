/**
 * The o311 server with the web apps on a throw-away database, for the web
 * tests: the demo city (60 requests) and the demo staff, and helpers to log
 * in and post forms as a role.
 *
 *   const t = await buildWebTestApp();
 *   const agent = await t.login('agent');
 *   const res = await t.postForm('/staff/requests/1/status', { status: 'closed' }, agent);
 *   await t.close();
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { seedDemoCity } from '@o311/demo';
import { buildApp, type AppOptions, type JobQueue } from '@o311/server';
import { openStore, type StaffRole, type Store } from '@o311/store';
import { webPlugin, type WebOptions } from '@o311/web';
import type { FreshDatabase } from '../../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';
import { seedDemoStaff } from '../../src/staff/demo-staff.js';
import { SESSION_COOKIE } from '../../src/staff/auth/session-cookie.js';

export interface WebTestOptions {
  dialect?: 'sqlite' | 'postgres';
  /** Demo city (60 requests) and demo staff; default true. */
  seedDemo?: boolean;
  /** Start a real server on a free port (for browsers and `fetch`); default false. */
  listen?: boolean;
  /** Web options; `secureCookies` defaults to false here (plain http). */
  web?: WebOptions;
  /** The app's job queue (started; the caller stops it after close); default: the app's own in memory. */
  jobs?: JobQueue;
  /** Further server options (e.g. `discovery: { allowPrivate: true }` to reach the server itself). */
  app?: Omit<AppOptions, 'store' | 'jobs' | 'plugins' | 'homePath'>;
  /** Server plugins after the web apps' (e.g. the e-mail intake's). */
  plugins?: AppOptions['plugins'];
}

/** What a logged-in role sends: the `Cookie` header value and its CSRF token. */
export interface StaffAuth {
  cookie: string;
  csrf: string;
}

export interface WebTestApp {
  app: FastifyInstance;
  store: Store;
  /** `http://127.0.0.1:PORT` when started with `listen`. */
  url?: string;
  /** The database's URL, for reading it behind the store's back (store/test/raw.ts). */
  databaseUrl: string;
  /** Logs in as the demo user of `role` through the login form. */
  login(role: StaffRole): Promise<StaffAuth>;
  /** POSTs an urlencoded form; with `auth`, its cookie and (unless `fields._csrf` is given) its CSRF token. */
  postForm(url: string, fields: Readonly<Record<string, string>>, auth?: StaffAuth, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** GET with the session cookie of `auth`. */
  get(url: string, auth?: StaffAuth): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const DEMO_EMAILS: Record<StaffRole, string> = {
  admin: 'admin@riverton.example',
  agent: 'agent@riverton.example',
  viewer: 'viewer@riverton.example',
};
export const DEMO_PASSWORD = 'riverton-demo-password';

export const formBody = (fields: Readonly<Record<string, string>>): string => new URLSearchParams(fields).toString();

/** The value of a Set-Cookie of the response, if set. */
export function cookieOf(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

export async function buildWebTestApp(options: WebTestOptions = {}): Promise<WebTestApp> {
  const db: FreshDatabase = await freshMigratedUrl(options.dialect ?? 'sqlite');
  const store = await openStore(db.url);
  let app: FastifyInstance | undefined;
  try {
    await store.migrate();
    if (options.seedDemo ?? true) {
      await seedDemoCity(store, { requests: 60 });
      await seedDemoStaff(store);
    }
    app = await buildApp({ ...options.app, store, jobs: options.jobs, plugins: [webPlugin({ secureCookies: false, ...options.web }), ...(options.plugins ?? [])], homePath: '/developers' });
    const url = options.listen ? await app.listen({ port: 0, host: '127.0.0.1' }) : undefined;
    const server = app;

    const postForm: WebTestApp['postForm'] = (path, fields, auth, headers = {}) =>
      server.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(auth ? { cookie: auth.cookie } : {}),
          ...headers,
        },
        payload: formBody(auth && fields._csrf === undefined ? { _csrf: auth.csrf, ...fields } : fields),
      });

    const login = async (role: StaffRole): Promise<StaffAuth> => {
      const res = await postForm('/staff/login', { email: DEMO_EMAILS[role], password: DEMO_PASSWORD });
      const secret = cookieOf(res, SESSION_COOKIE);
      if (res.statusCode !== 303 || secret === undefined) throw new Error(`login as ${role} failed: ${res.statusCode}`);
      const found = await store.findSession(secret);
      if (!found) throw new Error(`login as ${role}: no session for the cookie`);
      return { cookie: `${SESSION_COOKIE}=${secret}`, csrf: found.session.csrf_token };
    };

    return {
      app: server,
      store,
      url,
      databaseUrl: db.url,
      login,
      postForm,
      get: (path, auth) => server.inject({ method: 'GET', url: path, headers: auth ? { cookie: auth.cookie } : {} }),
      close: async () => {
        await server.close();
        await store.close();
        await db.cleanup();
      },
    };
  } catch (e) {
    await app?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    await db.cleanup();
    throw e;
  }
}
