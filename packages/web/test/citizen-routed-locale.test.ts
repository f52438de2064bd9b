/**
 * Reporting to any endpoint in the reader's language, over HTTP on both
 * dialects, with the demo region (Riverton; Tallgrass County, the State of
 * Prairie and the federal services, translated into Spanish and French): the
 * picker, another endpoint's form and the tracker of a federated id ask the
 * federated endpoint in the page's language, chosen with `?lang=` (the
 * language switch, remembered in a cookie) or Accept-Language.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CITY_HALL, seedDemoCity } from '@o311/demo';
import { buildApp } from '@o311/server';
import { openStore, type Store } from '@o311/store';
import { webPlugin } from '@o311/web';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { LOCALE_COOKIE } from '../src/i18n/locales.js';
import { formBody } from './support/citizen-app.js';
import { seedDemoRegistry } from './support/demo-region.js';

const AT = `lat=${CITY_HALL.lat}&long=${CITY_HALL.long}`;
const CULVERT = encodeURIComponent('tallgrass-county:CULVERT');

/** The text of one handler's section of the picker, by its heading's name. */
const section = (body: string, name: string): string => {
  const start = body.indexOf(`${name} <span class="tier-badge">`);
  expect(start, name).toBeGreaterThan(-1);
  const end = body.indexOf('</section>', start);
  return body.slice(start, end);
};
const serviceNames = (html: string): string[] => [...html.matchAll(/<span class="service-name">([^<]+)<\/span>/g)].map((m) => m[1]!);

describe.each(dialects)('reporting to any endpoint in the reader\'s language (%s)', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let app: FastifyInstance;

  const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => app.inject({ url, headers });

  beforeAll(async () => {
    db = await freshUrl(dialect);
    store = await openStore(db.url);
    await store.migrate();
    await seedDemoCity(store, { requests: 5 });
    await seedDemoRegistry(store);
    app = await buildApp({ store, plugins: [webPlugin({ secureCookies: false })], homePath: '/developers' });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.cleanup();
  });

  it('lists the county’s, the state’s and the nation’s services in Spanish with ?lang=es, and remembers the choice', async () => {
    const es = await get(`/report/at?${AT}&lang=es`);
    expect(es.statusCode).toBe(200);
    expect(serviceNames(section(es.body, 'Tallgrass County')).sort()).toEqual([
      'Alcantarilla obstruida o dañada', 'Camino de grava por nivelar', 'Daños en camino del condado',
    ]);
    expect(serviceNames(section(es.body, 'State of Prairie'))).toContain('Señal de carretera dañada o faltante');
    expect(serviceNames(section(es.body, 'Federal services (demo)'))).toContain('Problema con la entrega del correo');
    expect(es.body).not.toContain('Blocked or damaged culvert');
    // The links still carry the endpoint's own codes.
    expect(es.body).toContain(`href="/report/to/${CULVERT}?${AT.replace('&', '&amp;')}"`);

    const cookie = es.cookies.find((c) => c.name === LOCALE_COOKIE);
    expect(cookie?.value).toBe('es');
    const remembered = await get(`/report/at?${AT}`, { cookie: `${LOCALE_COOKIE}=es` });
    expect(serviceNames(section(remembered.body, 'Tallgrass County'))).toContain('Alcantarilla obstruida o dañada');
  });

  it('keeps each language to its page: English, French and Spanish one after another', async () => {
    const county = async (headers: Record<string, string>, query = ''): Promise<string[]> =>
      serviceNames(section((await get(`/report/at?${AT}${query}`, headers)).body, 'Tallgrass County'));
    expect(await county({})).toContain('Blocked or damaged culvert');
    expect(await county({}, '&lang=fr')).toContain('Ponceau bouché ou endommagé');
    expect(await county({ 'accept-language': 'es-MX,es;q=0.9' })).toContain('Alcantarilla obstruida o dañada');
    expect(await county({}, '&lang=en')).toContain('Blocked or damaged culvert');
  });

  it('titles another endpoint’s form in the page’s language', async () => {
    const es = await get(`/report/to/${CULVERT}?${AT}&lang=es`);
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('<h1>Alcantarilla obstruida o dañada</h1>');
    expect((await get(`/report/to/${CULVERT}?${AT}&lang=fr`)).body).toContain('<h1>Ponceau bouché ou endommagé</h1>');
    expect((await get(`/report/to/${CULVERT}?${AT}&lang=en`)).body).toContain('<h1>Blocked or damaged culvert</h1>');
  });

  it('names the service of a federated request in the tracker’s language', async () => {
    const sent = await app.inject({
      method: 'POST', url: `/report/to/${CULVERT}`, remoteAddress: '10.9.1.1',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${LOCALE_COOKIE}=es` },
      payload: formBody({ lat: String(CITY_HALL.lat), long: String(CITY_HALL.long), description: 'La alcantarilla de la calle 1 se derrumbó' }),
    });
    expect(sent.statusCode, sent.body.slice(0, 800)).toBe(303);
    const token = new URL(sent.headers.location ?? '', 'http://x').searchParams.get('token')!;
    const stored = await vi.waitFor(async () => {
      const r = await store.federation.getByToken(token);
      expect(r?.state).toBe('delivered');
      return r!;
    }, { timeout: 20_000, interval: 50 });
    const id = encodeURIComponent(`tallgrass-county:${stored.upstream_id}`);

    const es = await get(`/track/${id}?lang=es`);
    expect(es.statusCode).toBe(200);
    expect(es.body).toContain('<p class="service-name-line">Alcantarilla obstruida o dañada</p>');
    expect((await get(`/track/${id}?lang=fr`)).body).toContain('<p class="service-name-line">Ponceau bouché ou endommagé</p>');
    expect((await get(`/track/${id}?lang=en`)).body).toContain('<p class="service-name-line">Blocked or damaged culvert</p>');
  });
});
