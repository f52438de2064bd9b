import { describe, expect, it } from 'vitest';
import { encodeRequests, type PublicRequest } from '@o311/georeport';
import { readRequests } from '../src/read/index.js';

const REQUEST: PublicRequest = {
  service_request_id: '638344', status: 'open', status_notes: null, service_name: 'Sidewalk and Curb Issues', service_code: '006',
  description: null, agency_responsible: null, service_notice: null, requested_datetime: '2010-04-14T06:37:38-08:00',
  updated_datetime: '2010-04-14T06:37:38-08:00', expected_datetime: null, address: '8TH AVE and JUDAH ST', address_id: '545483',
  zipcode: '94122', lat: 37.762221815, long: -122.4651145, media_url: null,
};
const json = (fields: Record<string, unknown>) => JSON.stringify([{ ...REQUEST, ...fields }]);

describe('readRequests', () => {
  it('lower-cases the status and keeps other states with a warning', () => {
    const { value, warnings } = readRequests(JSON.stringify([{ ...REQUEST, status: 'OPEN' }, { ...REQUEST, status: 'In_Progress' }]), 'json');
    expect(value.map((r) => r.status)).toEqual(['open', 'in_progress']);
    expect(warnings.map((w) => w.message)).toEqual([
      'status was not lower case in 2 requests (e.g. "OPEN"); read as "open"',
      'status was neither open nor closed in one request ("in_progress"); kept as sent (lower-cased)',
    ]);
  });

  it('reads numeric ids and zipcodes as strings, and zipcode 0 as null', () => {
    const { value, warnings } = readRequests(json({ service_request_id: 638344, zipcode: 94122, address_id: 545483 }), 'json');
    expect(value[0]).toMatchObject({ service_request_id: '638344', zipcode: '94122', address_id: '545483' });
    expect(warnings.map((w) => w.code)).toEqual(['string-as-number', 'string-as-number', 'string-as-number']);
    expect(readRequests(json({ zipcode: '0' }), 'json')).toMatchObject({
      value: [{ zipcode: null }],
      warnings: [{ code: 'zero-zipcode', message: 'zipcode was 0 in one request, a placeholder for "unknown"; read as null' }],
    });
  });

  it('reads a request without id (Chicago, before its token resolves) with null', () => {
    const { value, warnings } = readRequests(json({ service_request_id: undefined, token: 'abc' }), 'json');
    expect(value[0]?.service_request_id).toBeNull();
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'missing-field service_requests.request[0].service_request_id', 'unknown-field service_requests.request[0].token',
    ]);
  });

  it('keeps extended_attributes as a plain object, from JSON and XML', () => {
    const extended = { channel: 'phone', ward: 12, media_urls: ['a', 'b'] };
    expect(readRequests(json({ extended_attributes: extended }), 'json').value[0]?.extended_attributes).toEqual(extended);
    const xml = encodeRequests([{ ...REQUEST, extended_attributes: { detailed_status: 'fixed', media_urls: ['a', 'b'], notes: [], attributes: [] } }], 'xml');
    const { value, warnings } = readRequests(xml, 'xml');
    expect(value[0]?.extended_attributes).toEqual({ detailed_status: 'fixed', media_urls: { media_url: ['a', 'b'] }, notes: null, attributes: null });
    expect(warnings).toEqual([]);
    expect(readRequests(json({ extended_attributes: 'x' }), 'json')).toMatchObject({ value: [{}], warnings: [{ code: 'invalid-value' }] });
    expect(readRequests(json({ extended_attributes: 'x' }), 'json').value[0]).not.toHaveProperty('extended_attributes');
  });

  it('reads Boston media_url lists as null and reports them', () => {
    const { value, warnings } = readRequests(json({ media_url: [{ id: '1', url: 'https://x/1.jpg', tags: [] }] }), 'json');
    expect(value[0]?.media_url).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(['invalid-value']);
  });

  it('reads empty optional fields quietly and empty required ones with a warning', () => {
    const xml = '<service_requests><request><service_request_id/><status>open</status><status_notes/><service_name/><service_code>1</service_code><description/><agency_responsible/><service_notice/><requested_datetime>2020-01-01T00:00:00+00:00</requested_datetime><updated_datetime/><expected_datetime/><address/><address_id/><zipcode/><lat/><long/><media_url/></request></service_requests>';
    const { warnings } = readRequests(xml, 'xml');
    expect(warnings.map((w) => w.path.replace('service_requests.request[0].', ''))).toEqual(['service_request_id', 'service_name', 'updated_datetime']);
    expect(new Set(warnings.map((w) => w.code))).toEqual(new Set(['empty-value']));
  });
});

describe('a 1000-request list', () => {
  const sf = (i: number): string =>
    `<request><service_request_id>${1129806 - i}</service_request_id><status>${i % 3 === 0 ? 'Closed' : 'Open'}</status><status_notes/><service_name>RCS - SFMTA - G</service_name><service_code>${String(i % 400).padStart(3, '0')}</service_code><description/><agency_responsible/><service_notice/><requested_datetime>2012-05-22 23:57:${String(i % 60).padStart(2, '0')}.97</requested_datetime><updated_datetime xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/><expected_datetime>2012-05-31 08:30:00.0</expected_datetime><address>     SAN FRANCISCO , CA </address><address_id/><zipcode>${i % 2 ? '0' : '94110'}</zipcode><lat>${i % 2 ? '0.0' : '37.77'}</lat><long>${i % 2 ? '0.0' : '-122.41'}</long></request>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?><service_requests xmlns:m="http://org/sfgov/sf311v2part2/services">${Array.from({ length: 1000 }, (_, i) => sf(i)).join('')}</service_requests>`;
  const json = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({
    ...REQUEST, service_request_id: i, status: i % 2 ? 'Open' : 'closed', lat: String(REQUEST.lat), media_url: '',
    requested_datetime: '2010-04-14 06:37:38', updated_datetime: i % 5 ? '' : '2010-04-14T06:37:38.000Z',
  })));

  it('yields a handful of warnings with counts, not thousands', () => {
    const { value, warnings } = readRequests(xml, 'xml', { timezone: 'America/Los_Angeles' });
    expect(value).toHaveLength(1000);
    expect(value[999]).toMatchObject({ service_request_id: '1128807', status: 'closed', requested_datetime: '2012-05-22T23:57:39-07:00', lat: null });
    expect(warnings.length).toBeLessThanOrEqual(15);
    expect(warnings.find((w) => w.code === 'zero-coordinates')?.message).toBe(
      'lat/long were 0 in 500 requests, a placeholder for "unknown"; read as null',
    );
    expect(warnings.find((w) => w.path.endsWith('@xsi:nil'))?.message).toBe(
      'Attribute xsi:nil="true" on <updated_datetime> ignored (and 999 more like it)',
    );
    const fromJson = readRequests(json, 'json');
    expect(fromJson.warnings.length).toBeLessThanOrEqual(10);
    expect(fromJson.warnings.find((w) => w.code === 'empty-value' && w.path.endsWith('updated_datetime'))?.message).toBe(
      'updated_datetime was empty in 800 requests (e.g. ""); read as null',
    );
  });
});
