/**
 * The o311 server with the web apps on a throw-away SQLite database with the
 * demo city, for the citizen, tracker and mail tests. Besides the app it hands
 * out the web context the pages use, and a test route that calls
 * `notifyFollowers` from a real request, as the staff request page does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CITY_HALL, DEMO_JURISDICTION, seedDemoCity } from '@o311/demo';
import { buildApp, type ServiceContext } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { webPlugin, type WebOptions } from '@o311/web';
import { freshMigratedUrl } from '../../../../test-support/migrated-databases.js';
import type { WebContext } from '../../src/context.js';
import { createMailer } from '../../src/mail/mailer.js';
import { notifyFollowers } from '../../src/mail/notify.js';

export const JURISDICTION_ID = DEMO_JURISDICTION.id;

/** A complete, valid pothole report at City Hall, as the form sends it (without contact details). */
export const POTHOLE_REPORT = {
  service_code: 'POTHOLE',
  lat: String(CITY_HALL.lat),
  long: String(CITY_HALL.long),
  'attribute[LOCATION]': 'travel_lane',
  'attribute[SIZE]': 'large',
  'attribute[DEPTH_CM]': '12',
  description: 'Deep hole by the bus stop',
} as const;

export interface CitizenTestApp {
  app: FastifyInstance;
  store: Store;
  web: WebContext;
  /** Runs the `followers.notify` job's handler for the request's latest public event. */
  notify(requestId: string): Promise<void>;
  /** POSTs an urlencoded form. */
  postForm(url: string, fields: Readonly<Record<string, string | readonly string[]>>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export function formBody(fields: Readonly<Record<string, string | readonly string[]>>): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of typeof value === 'string' ? [value] : value) q.append(name, v);
  }
  return q.toString();
}

export async function buildCitizenTestApp(options: { web?: WebOptions; requests?: number } = {}): Promise<CitizenTestApp> {
  const db = await freshMigratedUrl('sqlite');
  const store = await openStore(db.url);
  await store.migrate();
  await seedDemoCity(store, { requests: options.requests ?? 40 });
  const webOptions: WebOptions = { secureCookies: false, ...options.web };
  let services: ServiceContext | undefined;
  const capture = async (_app: FastifyInstance, ctx: ServiceContext): Promise<void> => {
    services = ctx;
  };
  const web = (): WebContext => {
    if (!services) throw new Error('the app is not built yet');
    return { services, options: webOptions, mailer: createMailer(services, webOptions) };
  };
  const app = await buildApp({ store, plugins: [webPlugin(webOptions), capture], homePath: '/developers' });
  return {
    app,
    store,
    web: web(),
    notify: async (id) => {
      const event = (await store.listEvents(JURISDICTION_ID, id)).length;
      await notifyFollowers(web(), { jurisdictionId: JURISDICTION_ID, requestId: id, event });
    },
    postForm: (url, fields, headers = {}) =>
      app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: formBody(fields) }),
    close: async () => {
      await app.close();
      await store.close();
      await db.cleanup();
    },
  };
}

/** A small valid JPEG (1×1 pixel). */
export const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** A multipart/form-data body (fields, then files) and its content type. */
export function multipart(
  fields: readonly (readonly [string, string])[],
  files: readonly { field: string; filename: string; type: string; bytes: Buffer }[],
): { payload: Buffer; contentType: string } {
  const boundary = `----o311test${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(f.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
