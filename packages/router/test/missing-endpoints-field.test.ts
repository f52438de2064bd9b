import { describe, expect, it } from 'vitest';
import { decodeOfferedServices, decodeRequests, encodeOfferedServices, encodeRequests } from '@o311/georeport';
import { withMissingEndpointsField } from '../src/missing-endpoints-field.js';

const missing = [{ slug: 'polk-county', reason: 'no answer within 5000 ms' }, { slug: 'water', reason: 'HTTP 503 "busy" & <late>' }];

describe('the partial-answer extension field', () => {
  it('wraps a JSON list in an envelope that names the missing endpoints with their reasons', () => {
    const body = withMissingEndpointsField('[{"a":1}]', 'json', 'service_requests', missing);
    expect(JSON.parse(body)).toEqual({ service_requests: [{ a: 1 }], missing_endpoints: missing });
    expect(JSON.parse(withMissingEndpointsField('[]', 'json', 'services', []))).toEqual({ services: [], missing_endpoints: [] });
  });

  it('adds a root attribute to XML, which a plain v2 reader skips, on a full and on an empty list', () => {
    const empty = withMissingEndpointsField(encodeRequests([], 'xml'), 'xml', 'service_requests', missing);
    expect(empty).toMatch(/<service_requests missing_endpoints="polk-county water"\/>$/);
    expect(decodeRequests(empty, 'xml')).toEqual([]);
    const services = encodeOfferedServices([{
      service_code: 'a:B', service_name: 'B', description: null, metadata: false, type: 'realtime', keywords: null, group: null,
      endpoint: 'a', endpoint_name: 'A', tier: 'city',
    }], 'xml');
    const complete = withMissingEndpointsField(services, 'xml', 'services', []);
    expect(complete).toContain('<services missing_endpoints=""><service>');
    expect(decodeOfferedServices(complete, 'xml').map((s) => s.service_code)).toEqual(['a:B']);
  });

  it('escapes what an attribute cannot hold, and refuses a body without the named root', () => {
    expect(withMissingEndpointsField('<?xml version="1.0"?><x/>', 'xml', 'x', [{ slug: 'a"<&', reason: '' }])).toBe('<?xml version="1.0"?><x missing_endpoints="a&quot;&lt;&amp;"/>');
    expect(() => withMissingEndpointsField('<?xml version="1.0"?><xs/>', 'xml', 'x', [])).toThrow(/no <x> root/);
  });
});
