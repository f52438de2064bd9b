/** Discovery, service list and service definitions, in both formats, on both dialects. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeDiscovery, decodeServiceDefinition, decodeServices } from '@o311/georeport';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { JSON_TYPE, XML_DECLARATION, XML_TYPE, expectJsonError, expectXmlError, get, json } from './support/http.js';

describe.each(dialects)('catalogue (%s)', (dialect) => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer(dialect);
  });
  afterAll(() => s.close());

  describe('discovery', () => {
    it('is served as XML with the exact content type and declaration', async () => {
      const a = await get(`${s.url}/open311/discovery.xml`);
      expect(a.status).toBe(200);
      expect(a.type).toBe(XML_TYPE);
      expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
      const d = decodeDiscovery(a.body, 'xml');
      expect(d.contact).toBe(JURISDICTION.contact);
      expect(d.key_service).toBe(JURISDICTION.key_service);
      expect(d.endpoints).toHaveLength(1);
      expect(d.endpoints[0]).toMatchObject({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${s.url}/open311/v2/`,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      });
    });

    it('is served as JSON with a changeset that has an offset and follows service changes', async () => {
      const a = await get(`${s.url}/open311/discovery.json`);
      const d = json<{ changeset: string; endpoints: { changeset: string; formats: string[] }[] }>(a);
      expect(d.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(d.endpoints[0]?.changeset).toBe(d.changeset);
      expect(d.endpoints[0]?.formats).toEqual(['text/xml', 'application/json']);
      const before = Date.parse(d.changeset);
      await new Promise((r) => setTimeout(r, 1100));
      const svc = await s.store.getService(JURISDICTION.id, 'noise');
      await s.store.saveService({ ...svc!, service_notice: 'Changed notice.' });
      const after = json<{ changeset: string }>(await get(`${s.url}/open311/discovery.json`));
      expect(Date.parse(after.changeset)).toBeGreaterThan(before);
    });

    it('uses publicUrl for the endpoint when configured', async () => {
      const other = await import('../src/index.js').then((m) =>
        m.buildApp({ store: s.store, publicUrl: 'https://311.springfield.example/' }),
      );
      const res = await other.inject('/open311/discovery.json');
      expect(JSON.parse(res.body).endpoints[0].url).toBe('https://311.springfield.example/open311/v2/');
      await other.close();
    });

    it('answers an unknown format with an Open311 404', async () => {
      expectXmlError(await get(`${s.url}/open311/discovery.html`), 404);
    });
  });

  describe('GET services', () => {
    it('lists the active services in XML', async () => {
      const a = await get(`${s.url}/open311/v2/services.xml`);
      expect(a.status).toBe(200);
      expect(a.type).toBe(XML_TYPE);
      expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
      expect(a.body).toContain('<services><service>');
      expect(a.body).toContain('<metadata>true</metadata>');
      const list = decodeServices(a.body, 'xml');
      expect(list.map((x) => x.service_code).sort()).toEqual(['graffiti', 'noise', 'pothole', 'trash.bulk']);
    });

    it('lists them in JSON with strict types', async () => {
      const list = json<Record<string, unknown>[]>(await get(`${s.url}/open311/v2/services.json`));
      expect(Array.isArray(list)).toBe(true);
      const byCode = new Map(list.map((x) => [x.service_code, x]));
      expect(byCode.get('pothole')).toEqual({
        service_code: 'pothole',
        service_name: 'Pothole',
        description: 'A hole in the road',
        metadata: true,
        type: 'realtime',
        keywords: 'road,hole',
        group: 'Streets',
      });
      expect(byCode.get('trash.bulk')).toMatchObject({ metadata: false, type: 'realtime', description: null });
      expect(byCode.get('graffiti')).toMatchObject({ type: 'batch' });
      expect(byCode.get('noise')).toMatchObject({ type: 'blackbox' });
      for (const svc of list) {
        expect(typeof svc.service_code).toBe('string');
        expect(typeof svc.metadata).toBe('boolean');
      }
      expect(byCode.has('retired')).toBe(false);
    });

    it('translates with locale, falling back from es_MX to es', async () => {
      for (const locale of ['es', 'es_MX', 'es-mx']) {
        const list = json<{ service_code: string; service_name: string; group: string | null }[]>(
          await get(`${s.url}/open311/v2/services.json?locale=${locale}`),
        );
        const pothole = list.find((x) => x.service_code === 'pothole');
        expect(pothole).toMatchObject({ service_name: 'Bache', group: 'Calles' });
        expect(list.find((x) => x.service_code === 'graffiti')?.service_name).toBe('Graffiti');
      }
      const fr = json<{ service_code: string; service_name: string }[]>(await get(`${s.url}/open311/v2/services.json?locale=fr`));
      expect(fr.find((x) => x.service_code === 'pothole')?.service_name).toBe('Pothole');
    });

    it('treats an empty jurisdiction_id as absent and checks a given one', async () => {
      expect((await get(`${s.url}/open311/v2/services.json?jurisdiction_id=`)).status).toBe(200);
      expect((await get(`${s.url}/open311/v2/services.json?jurisdiction_id=${JURISDICTION.id}`)).status).toBe(200);
      const items = expectJsonError(await get(`${s.url}/open311/v2/services.json?jurisdiction_id=elsewhere.example`), 404);
      expect(items[0]?.description).toContain('elsewhere.example');
      expectXmlError(await get(`${s.url}/open311/v2/services.xml?jurisdiction_id=elsewhere.example`), 404);
    });

    it('answers unknown extensions and resources with Open311 404s', async () => {
      const html = expectXmlError(await get(`${s.url}/open311/v2/services.html`), 404);
      expect(html[0]).toContain('html');
      expectXmlError(await get(`${s.url}/open311/v2/services`), 404);
      expectJsonError(await get(`${s.url}/open311/v2/nothing.json`), 404);
      expectXmlError(await get(`${s.url}/open311/v2/nothing/at/all`), 404);
    });
  });

  describe('GET service definition', () => {
    it('gives every attribute with strict types (JSON)', async () => {
      const d = json<{ service_code: string; attributes: Record<string, unknown>[] }>(
        await get(`${s.url}/open311/v2/services/pothole.json`),
      );
      expect(d.service_code).toBe('pothole');
      expect(d.attributes.map((a) => a.datatype)).toEqual([
        'singlevaluelist', 'multivaluelist', 'number', 'datetime', 'string', 'text', 'text',
      ]);
      expect(d.attributes[0]).toEqual({
        variable: true,
        code: 'SIZE',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 1,
        description: 'How big is it?',
        values: [{ key: 'small', name: 'Small' }, { key: 'large', name: 'Large' }],
      });
      for (const a of d.attributes) {
        expect(typeof a.variable).toBe('boolean');
        expect(typeof a.required).toBe('boolean');
        expect(typeof a.order).toBe('number');
        expect(typeof a.code).toBe('string');
      }
      expect(d.attributes[6]).toMatchObject({ code: 'NOTICE', variable: false });
    });

    it('gives the same definition in XML', async () => {
      const a = await get(`${s.url}/open311/v2/services/pothole.xml`);
      expect(a.type).toBe(XML_TYPE);
      expect(a.body.startsWith(XML_DECLARATION)).toBe(true);
      expect(a.body).toContain('<service_definition><service_code>pothole</service_code><attributes><attribute>');
      const d = decodeServiceDefinition(a.body, 'xml');
      expect(d.attributes).toHaveLength(7);
      expect(d.attributes[1]?.values?.map((v) => v.key)).toEqual(['car', 'bike', 'walk']);
    });

    it('translates attribute texts with locale', async () => {
      const d = json<{ attributes: { code: string; description: string; values?: { key: string; name: string }[] }[] }>(
        await get(`${s.url}/open311/v2/services/pothole.json?locale=es_MX`),
      );
      expect(d.attributes[0]).toMatchObject({
        description: '¿Qué tamaño tiene?',
        values: [{ key: 'small', name: 'Pequeño' }, { key: 'large', name: 'Grande' }],
      });
      expect(d.attributes[1]?.description).toBe('Who is at risk?');
    });

    it('works for a code with dots and gives metadata=false services an empty list', async () => {
      const j = json<{ service_code: string; attributes: unknown[] }>(await get(`${s.url}/open311/v2/services/trash.bulk.json`));
      expect(j).toEqual({ service_code: 'trash.bulk', attributes: [] });
      const x = await get(`${s.url}/open311/v2/services/trash.bulk.xml`);
      expect(x.status).toBe(200);
      expect(decodeServiceDefinition(x.body, 'xml')).toEqual({ service_code: 'trash.bulk', attributes: [] });
    });

    it('gives 404 for unknown or inactive services and unknown formats', async () => {
      const items = expectJsonError(await get(`${s.url}/open311/v2/services/nope.json`), 404);
      expect(items[0]?.description).toContain('nope');
      expectXmlError(await get(`${s.url}/open311/v2/services/retired.xml`), 404);
      expectXmlError(await get(`${s.url}/open311/v2/services/pothole.yaml`), 404);
      expectXmlError(await get(`${s.url}/open311/v2/services/pothole`), 404);
      expectJsonError(await get(`${s.url}/open311/v2/services/pothole.json?jurisdiction_id=x.example`), 404);
    });
  });

  describe('HTTP conventions', () => {
    it('sends CORS headers on GeoReport routes, errors included, and answers preflight', async () => {
      const ok = await get(`${s.url}/open311/v2/services.json`, { origin: 'https://app.example' });
      expect(ok.headers.get('access-control-allow-origin')).toBe('*');
      const err = await get(`${s.url}/open311/v2/services.bogus`);
      expect(err.headers.get('access-control-allow-origin')).toBe('*');
      const pre = await fetch(`${s.url}/open311/v2/requests.json`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
      expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    });

    it('does not send CORS headers on the staff API', async () => {
      const a = await get(`${s.url}/api/v1/jurisdictions`);
      expect(a.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('answers HEAD like GET without a body', async () => {
      const res = await fetch(`${s.url}/open311/v2/services.json`, { method: 'HEAD' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(JSON_TYPE);
      expect(await res.text()).toBe('');
    });
  });
});
