import { describe, expect, it } from 'vitest';
import type { Discovery } from '@o311/georeport';
import { readDiscovery } from '../src/read/index.js';

const DISCOVERY: Discovery = {
  changeset: '2011-02-03 14:18',
  contact: 'You can email or call for assistance api@dc.gov +1 (555) 555-5555',
  key_service: 'You can request a key here: http://api.dc.gov/open311/key/request',
  endpoints: [
    { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://open311.dc.gov/v2', changeset: '2010-11-23 09:01', type: 'production', formats: ['text/xml', 'application/json'] },
    { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://open311.dc.gov/test/v2', changeset: '2010-10-15 11:59', type: 'test', formats: ['text/xml'] },
  ],
};

describe('readDiscovery', () => {
  it('reads the spec example in XML and JSON without warnings', () => {
    const endpoint = (e: Discovery['endpoints'][number]) =>
      `<endpoint><specification>${e.specification}</specification><url>${e.url}</url><changeset>${e.changeset}</changeset><type>${e.type}</type><formats>${e.formats.map((f) => `<format>${f}</format>`).join('')}</formats></endpoint>`;
    const xml = `<?xml version="1.0" encoding="utf-8"?><discovery><changeset>${DISCOVERY.changeset}</changeset><contact>${DISCOVERY.contact}</contact><key_service>${DISCOVERY.key_service}</key_service><endpoints>${DISCOVERY.endpoints.map(endpoint).join('')}</endpoints></discovery>`;
    expect(readDiscovery(xml, 'xml')).toEqual({ value: DISCOVERY, warnings: [] });
    expect(readDiscovery(JSON.stringify(DISCOVERY), 'json')).toEqual({ value: DISCOVERY, warnings: [] });
  });

  it('unwraps FMS-style {"discovery": …} and reports max_requests', () => {
    const { value, warnings } = readDiscovery(JSON.stringify({ discovery: { ...DISCOVERY, max_requests: 1000 } }), 'json');
    expect(value).toEqual(DISCOVERY);
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['wrapped-json discovery', 'unknown-field discovery.max_requests']);
  });

  it('normalises the endpoint type, reads an unknown one as test, and drops blank formats', () => {
    const endpoints = [{ ...DISCOVERY.endpoints[0], type: 'Production', formats: ['text/xml', '', 3] }, { ...DISCOVERY.endpoints[1], type: 'staging', formats: 'text/xml' }];
    const { value, warnings } = readDiscovery(JSON.stringify({ ...DISCOVERY, endpoints }), 'json');
    expect(value.endpoints.map((e) => [e.type, e.formats])).toEqual([['production', ['text/xml']], ['test', ['text/xml']]]);
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'case-normalised discovery.endpoints[0].type',
      'invalid-value discovery.endpoints[0].formats',
      'unknown-value discovery.endpoints[1].type',
      'bare-object discovery.endpoints[1].formats',
    ]);
    expect(warnings[1]?.message).toBe('formats could not be read in 2 endpoints (e.g. ""); the entry was dropped');
  });

  it('reads missing members as empty and reports each', () => {
    const { value, warnings } = readDiscovery('<discovery><contact>c</contact></discovery>', 'xml');
    expect(value).toEqual({ changeset: '', contact: 'c', key_service: '', endpoints: [] });
    expect(warnings.map((w) => w.message)).toEqual([
      'changeset was missing; read as ""',
      'key_service was missing; read as ""',
      'endpoints was missing; read as an empty list',
    ]);
  });
});
