/**
 * The federated endpoint's partial-answer extension field (issue 11): with
 * `extensions=true` the lists name the missing upstreams in the body too (an
 * XML root attribute; a JSON envelope), beside the header; without it they
 * stay plain GeoReport v2 lists. Real upstreams, both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeOfferedServices, decodeRequests, type OfferedService, type PublicRequest } from '@o311/georeport';
import { MISSING_ENDPOINTS_HEADER, parseMissingEndpoints } from '@o311/router';
import { dialects } from '../../../test-support/databases.js';
import { IN_ALL, IN_STATE, at, startFederation, type Federation } from './support/federation.js';
import { XML_TYPE, get, json, type Answer } from './support/http.js';

type Envelope<K extends string, T> = Record<K, T[]> & {
  missing_endpoints: { slug: string; reason: string }[];
};

const codes = (list: readonly { service_code: string }[]): string[] => list.map((s) => s.service_code);
const headerSlugs = (a: Answer): string[] => parseMissingEndpoints(a.headers.get(MISSING_ENDPOINTS_HEADER));

describe.each(dialects)('federated partial answers: the extension field (%s)', (dialect) => {
  let f: Federation;
  const base = () => `${f.router.url}/federated/open311/v2`;

  beforeAll(async () => {
    f = await startFederation(dialect);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('JSON: extensions=true wraps the service list in an envelope naming the silent endpoint and why, like the header', async () => {
    const plain = await get(`${base()}/services.json?${at(IN_STATE)}`);
    const a = await get(`${base()}/services.json?${at(IN_STATE)}&extensions=true`);
    expect(a.status).toBe(200);
    expect(headerSlugs(a)).toEqual(['lincoln']);
    const body = json<Envelope<'services', OfferedService>>(a);
    expect(Object.keys(body)).toEqual(['services', 'missing_endpoints']);
    expect(body.missing_endpoints).toEqual([{ slug: 'lincoln', reason: expect.stringMatching(/1000 ms/) }]);
    expect(body.services).toEqual(json<OfferedService[]>(plain));
    expect(codes(body.services).sort()).toEqual(['sangamon:CULVERT', 'sangamon:ROADKILL']);
  });

  it('JSON: a complete answer has an empty field and no header; the search has the same envelope', async () => {
    const services = await get(`${base()}/services.json?${at(IN_ALL)}&extensions=true`);
    expect(services.headers.get(MISSING_ENDPOINTS_HEADER)).toBeNull();
    expect(json<Envelope<'services', OfferedService>>(services).missing_endpoints).toEqual([]);
    const plain = json<PublicRequest[]>(await get(`${base()}/requests.json?${at(IN_ALL)}`));
    const search = json<Envelope<'service_requests', PublicRequest>>(await get(`${base()}/requests.json?${at(IN_ALL)}&extensions=all`));
    expect(search).toEqual({ service_requests: plain, missing_endpoints: [] });
    expect(plain.length).toBe(7);
  });

  it('XML: extensions=true adds a root attribute that a plain v2 reader skips', async () => {
    const a = await get(`${base()}/requests.xml?${at(IN_STATE)}&extensions=true`);
    expect(a.status).toBe(200);
    expect(a.type).toBe(XML_TYPE);
    expect(headerSlugs(a)).toEqual(['lincoln']);
    expect(a.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><service_requests missing_endpoints="lincoln">/);
    const plain = await get(`${base()}/requests.xml?${at(IN_STATE)}`);
    expect(plain.body).toMatch(/<service_requests>/);
    expect(decodeRequests(a.body, 'xml')).toEqual(decodeRequests(plain.body, 'xml'));
    expect(decodeRequests(a.body, 'xml').map((r) => r.service_code)).toEqual(['sangamon:ROADKILL', 'sangamon:CULVERT', 'sangamon:ROADKILL']);

    const complete = await get(`${base()}/services.xml?${at(IN_ALL)}&extensions=true`);
    expect(complete.body).toContain('<services missing_endpoints=""><service>');
    expect(decodeOfferedServices(complete.body, 'xml')).toHaveLength(7);
  });

  it('names an upstream that went down, in the field as in the header', async () => {
    await f.stopUtility();
    const a = await get(`${base()}/requests.json?${at(IN_ALL)}&extensions=true`);
    expect(headerSlugs(a)).toEqual(['lincoln-water']);
    const body = json<Envelope<'service_requests', PublicRequest>>(a);
    expect(body.missing_endpoints.map((m) => m.slug)).toEqual(['lincoln-water']);
    expect(body.service_requests).toHaveLength(5);
  });
});
