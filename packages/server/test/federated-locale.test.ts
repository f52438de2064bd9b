/**
 * The federated endpoint speaks the caller's language (the `locale`
 * extension) on both dialects, against real upstreams: the router's own city
 * read in process, an o311 county read over HTTP (XML only) that translates
 * its services, a utility that does not, and a strict plain v2 server that
 * refuses any parameter it does not know. Each list and definition is kept
 * per locale; a locale is read as o311's own endpoint reads it (its language
 * and region), a value that does not start with a language as none.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeOfferedServices, encodeErrors, encodeServiceDefinition, encodeServices, type OfferedService, type Service, type ServiceDefinition,
} from '@o311/georeport';
import { MISSING_ENDPOINTS_HEADER } from '@o311/router';
import { dialects } from '../../../test-support/databases.js';
import { COUNTY_SERVICES, IN_ALL, at, startFederation, type Federation } from './support/federation.js';
import { get, json } from './support/http.js';

const ROADKILL_ES = {
  service_name: 'Animal muerto en un camino del condado',
  group: 'Caminos',
  attributes: { SPECIES: { description: '¿Qué animal?', values: { deer: 'Venado', other: 'Otro' } } },
};

const STRICT_SERVICE: Service = {
  service_code: 'SIGN', service_name: 'Damaged sign', description: null, metadata: true, type: 'realtime', keywords: null, group: 'Signs',
};
const STRICT_DEFINITION: ServiceDefinition = {
  service_code: 'SIGN',
  attributes: [{
    variable: true, code: 'KIND', datatype: 'string', required: false, datatype_description: null, order: 1, description: 'Which sign?',
  }],
};

/** A plain v2 server that validates strictly: any parameter but jurisdiction_id is a 400. Remembers what it was asked. */
async function startStrictServer(): Promise<{ base: string; asked: string[]; close(): Promise<void> }> {
  const asked: string[] = [];
  const server: HttpServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://strict.example');
    asked.push(`${url.pathname}${url.search}`);
    const unknown = [...url.searchParams.keys()].filter((k) => k !== 'jurisdiction_id');
    const send = (status: number, body: string): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    };
    if (unknown.length > 0) return send(400, encodeErrors([{ code: 400, description: `Unknown parameter: ${unknown.join(', ')}` }], 'json'));
    if (url.pathname === '/open311/v2/services.json') return send(200, encodeServices([STRICT_SERVICE], 'json'));
    if (url.pathname === '/open311/v2/services/SIGN.json') return send(200, encodeServiceDefinition(STRICT_DEFINITION, 'json'));
    return send(404, encodeErrors([{ code: 404, description: 'Not found' }], 'json'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/v2/`,
    asked,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const named = (list: readonly OfferedService[], code: string): OfferedService | undefined => list.find((s) => s.service_code === code);

describe.each(dialects)('federated endpoint in the caller\'s language (%s)', (dialect) => {
  let f: Federation;
  let strict: Awaited<ReturnType<typeof startStrictServer>>;
  const base = () => `${f.router.url}/federated/open311/v2`;
  const services = async (query: string): Promise<OfferedService[]> => json<OfferedService[]>(await get(`${base()}/services.json?${query}`));
  const definition = async (name: string, query = ''): Promise<ServiceDefinition> =>
    json<ServiceDefinition>(await get(`${base()}/services/${name}.json?${query}`));

  beforeAll(async () => {
    f = await startFederation(dialect);
    await f.county.store.saveService({ ...COUNTY_SERVICES[0]!, translations: { es: ROADKILL_ES } });
    strict = await startStrictServer();
    await f.router.store.saveEndpoint({
      slug: 'strict-state', name: 'Strict State', tier: 'state', country: 'US', base_url: strict.base, discovery_url: null,
      jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null,
      status: 'production', boundary_id: null, quirks: null, notes: '',
    });
  });
  afterAll(async () => {
    await f?.close();
    await strict?.close();
  });

  it('lists the services at a point in Spanish where their endpoints translate them, in process and over HTTP', async () => {
    const es = await services(`${at(IN_ALL)}&locale=es`);
    expect(named(es, 'springfield:pothole')).toMatchObject({ service_name: 'Bache', description: 'Un hoyo en la calle', group: 'Calles' });
    expect(named(es, 'sangamon:ROADKILL')).toMatchObject({ service_name: ROADKILL_ES.service_name, group: 'Caminos', endpoint: 'sangamon' });
    // No translation upstream: the endpoint's own words.
    expect(named(es, 'sangamon:CULVERT')).toMatchObject({ service_name: 'Blocked culvert' });
    expect(named(es, 'lincoln-water:LEAK')).toMatchObject({ service_name: 'Water main leak' });
    const xml = await get(`${base()}/services.xml?${at(IN_ALL)}&locale=es`);
    expect(decodeOfferedServices(xml.body, 'xml')).toEqual(es);
  });

  it('keeps each language apart: English without a locale, Spanish again after it', async () => {
    const en = await services(at(IN_ALL));
    expect(named(en, 'springfield:pothole')).toMatchObject({ service_name: 'Pothole', group: 'Streets' });
    expect(named(en, 'sangamon:ROADKILL')).toMatchObject({ service_name: 'Dead animal on a county road', group: 'Roads' });
    expect(named(await services(`${at(IN_ALL)}&locale=es`), 'sangamon:ROADKILL')!.service_name).toBe(ROADKILL_ES.service_name);
    expect(named(await services(`${at(IN_ALL)}&locale=fr`), 'sangamon:ROADKILL')!.service_name).toBe('Dead animal on a county road');
    expect(named(await services(`${at(IN_ALL)}&locale=es-MX`), 'sangamon:ROADKILL')!.service_name).toBe(ROADKILL_ES.service_name);
  });

  it('reads a definition in Spanish from a remote o311 upstream and from the city in process, each kept per locale', async () => {
    const es = await definition('sangamon:ROADKILL', 'locale=es');
    expect(es.service_code).toBe('sangamon:ROADKILL');
    expect(es.attributes[0]).toMatchObject({ code: 'SPECIES', description: '¿Qué animal?' });
    expect(es.attributes[0]!.values).toEqual([{ key: 'deer', name: 'Venado' }, { key: 'other', name: 'Otro' }]);
    const en = await definition('sangamon:ROADKILL');
    expect(en.attributes[0]).toMatchObject({ description: 'What animal?', values: [{ key: 'deer', name: 'Deer' }, { key: 'other', name: 'Something else' }] });
    expect(await definition('sangamon:ROADKILL', 'locale=es')).toEqual(es);

    const local = await definition('springfield:pothole', 'locale=es_MX');
    expect(local.attributes.find((a) => a.code === 'SIZE')).toMatchObject({
      description: '¿Qué tamaño tiene?', values: [{ key: 'small', name: 'Pequeño' }, { key: 'large', name: 'Grande' }],
    });
    expect((await definition('springfield:pothole')).attributes.find((a) => a.code === 'SIZE')!.description).toBe('How big is it?');
  });

  it('reads a locale as the local endpoint does: its language and region, else none (the untranslated answer, 200)', async () => {
    const potholeName = (list: readonly { service_code: string; service_name: string }[], code: string): string =>
      list.find((s) => s.service_code === code)!.service_name;
    const cases: [locale: string, name: string][] = [
      ['espa%C3%B1ol', 'Pothole'], ['es%3Bfr', 'Pothole'], ['x'.repeat(2000), 'Pothole'], ['', 'Pothole'],
      ['es_MX_extra', 'Bache'], ['es-ES-x-private', 'Bache'],
    ];
    for (const [locale, name] of cases) {
      const a = await get(`${base()}/services.json?${at(IN_ALL)}&locale=${locale}`);
      expect(a.status, locale.slice(0, 20)).toBe(200);
      expect(potholeName(json<OfferedService[]>(a), 'springfield:pothole')).toBe(name);
      const local = await get(`${f.router.url}/open311/v2/services.json?locale=${locale}`);
      expect(local.status).toBe(200);
      expect(potholeName(json<Service[]>(local), 'pothole')).toBe(name);
    }
    expect((await definition('sangamon:ROADKILL', 'locale=espa%C3%B1ol')).attributes[0]!.description).toBe('What animal?');
    expect((await definition('sangamon:ROADKILL', 'locale=es-ES-x-private')).attributes[0]!.description).toBe('¿Qué animal?');
  });

  it('asks an upstream that refuses the parameter again without it, and keeps that answer for the locale', async () => {
    const a = await get(`${base()}/services.json?jurisdiction_id=strict-state&locale=es`);
    expect(a.status).toBe(200);
    expect(a.headers.get(MISSING_ENDPOINTS_HEADER)).toBeNull();
    expect(json<OfferedService[]>(a)).toEqual([{ ...STRICT_SERVICE, service_code: 'strict-state:SIGN', endpoint: 'strict-state', endpoint_name: 'Strict State', tier: 'state' }]);
    expect(strict.asked).toEqual(['/open311/v2/services.json?locale=es', '/open311/v2/services.json']);

    expect(await definition('strict-state:SIGN', 'locale=es')).toEqual({ ...STRICT_DEFINITION, service_code: 'strict-state:SIGN' });
    expect(strict.asked.slice(2)).toEqual(['/open311/v2/services/SIGN.json?locale=es', '/open311/v2/services/SIGN.json']);

    // Kept: Spanish again asks nothing; no locale is its own entry, asked once.
    await services('jurisdiction_id=strict-state&locale=es');
    await definition('strict-state:SIGN', 'locale=es');
    expect(strict.asked).toHaveLength(4);
    expect(await services('jurisdiction_id=strict-state')).toHaveLength(1);
    expect(strict.asked.slice(4)).toEqual(['/open311/v2/services.json']);
  });
});
