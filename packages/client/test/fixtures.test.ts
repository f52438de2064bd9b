/**
 * One test per saved real response (shared/fixtures/real, spec §15): concrete values
 * read from each, and the warnings its quirks must raise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReadWarning, WarningCode } from '../src/warnings.js';
import { readRequests, readServices } from '../src/read/index.js';

const FIXTURES = new URL('../../../../shared/fixtures/real/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');
const codes = (warnings: ReadWarning[]): WarningCode[] => warnings.map((w) => w.code);
const warning = (warnings: ReadWarning[], code: WarningCode, pathEnd: string): ReadWarning | undefined =>
  warnings.find((w) => w.code === code && w.path.endsWith(pathEnd));

const FINLAND = { south: 59.5, west: 19, north: 70.1, east: 31.6 };
const TESTED = [
  'bloomington-requests.json', 'bloomington-services.json', 'boston-services.json', 'chicago-requests.json',
  'giessen-services.xml', 'helsinki-request.json', 'sanfrancisco-requests.xml', 'sanfrancisco-services.xml',
  'toronto-requests.xml',
];

it('every saved real response has a test below', () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(TESTED);
});

describe('sanfrancisco-requests.xml', () => {
  const { value, warnings } = readRequests(fixture('sanfrancisco-requests.xml'), 'xml', { timezone: 'America/Los_Angeles' });

  it('reads the 56 requests, the first with its placeholders as null', () => {
    expect(value).toHaveLength(56);
    expect(value[0]).toEqual({
      service_request_id: '1129806', status: 'open', status_notes: null, service_name: 'RCS - SFMTA - G',
      service_code: '280', description: null, agency_responsible: null, service_notice: null,
      requested_datetime: '2012-05-22T23:57:23-07:00', updated_datetime: null, expected_datetime: '2012-05-31T08:30:00-07:00',
      address: 'SAN FRANCISCO , CA', address_id: null, zipcode: null, lat: null, long: null, media_url: null,
    });
  });

  it('keeps real coordinates, leading zeros of codes and closed requests', () => {
    expect(value[3]).toMatchObject({ service_request_id: '1129792', service_code: '015', lat: 37.77944, long: -122.404434, expected_datetime: null });
    expect(value[20]).toMatchObject({
      service_request_id: '1129755', status: 'closed', requested_datetime: '2012-05-22T20:17:35-07:00',
      updated_datetime: '2012-05-22T22:27:21-07:00', address: 'INTERSECTION  of  35TH AVE  and  VICENTE ST',
    });
  });

  it('reports each quirk once, with a count', () => {
    expect(codes(warnings)).toEqual(expect.arrayContaining<WarningCode>([
      'date-without-timezone', 'date-reformatted', 'case-normalised', 'zero-coordinates', 'zero-zipcode',
      'foreign-markup', 'empty-value', 'padded-value', 'missing-field',
    ]));
    expect(warnings.length).toBeLessThan(20);
    expect(warning(warnings, 'case-normalised', '.status')?.message).toBe(
      'status was not lower case in 56 requests (e.g. "Open"); read as "open"',
    );
    expect(warning(warnings, 'empty-value', 'updated_datetime')).toMatchObject({
      path: 'service_requests.request[0].updated_datetime',
      message: 'updated_datetime was empty in 52 requests; read as null',
    });
    expect(warning(warnings, 'date-without-timezone', 'requested_datetime')?.message).toContain('America/Los_Angeles');
    expect(warning(warnings, 'foreign-markup', '@xmlns:m')?.path).toBe('service_requests.@xmlns:m');
    expect(warning(warnings, 'foreign-markup', '@xsi:nil')?.path).toBe('service_requests.request[0].updated_datetime.@xsi:nil');
    expect(warning(warnings, 'missing-field', 'media_url')?.message).toBe('media_url was missing in 56 requests; read as null');
  });

  it('interprets datetimes without offset in UTC by default, and says so', () => {
    const utc = readRequests(fixture('sanfrancisco-requests.xml'), 'xml');
    expect(utc.value[0]?.requested_datetime).toBe('2012-05-22T23:57:23+00:00');
    expect(warning(utc.warnings, 'date-without-timezone', 'requested_datetime')?.message).toContain('interpreted in UTC');
  });
});

describe('sanfrancisco-services.xml', () => {
  const { value, warnings } = readServices(fixture('sanfrancisco-services.xml'), 'xml');

  it('reads 38 services with string codes and empty keywords as null', () => {
    expect(value).toHaveLength(38);
    expect(value[0]).toEqual({
      service_code: '001', service_name: 'Cans_Left_Out_24x7',
      description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
      metadata: false, type: 'realtime', keywords: null, group: 'Litter Receptacles',
    });
    expect(value.at(-1)).toMatchObject({ service_code: '379', service_name: 'Damaged_Parking_Meter' });
  });

  it('reports only the foreign namespace declarations on the root', () => {
    expect(warnings.map((w) => w.path).sort()).toEqual(['services.@xmlns:m', 'services.@xmlns:soapenv']);
    expect(codes(warnings)).toEqual(['foreign-markup', 'foreign-markup']);
  });
});

describe('toronto-requests.xml', () => {
  const { value, warnings } = readRequests(fixture('toronto-requests.xml'), 'xml');

  it('reads both requests, long before lat, with offsets kept', () => {
    expect(value.map((r) => r.service_request_id)).toEqual(['101005420892', '101005420894']);
    expect(value[0]).toMatchObject({
      status: 'open', status_notes: 'In progress - The request has been scheduled.', service_code: 'CSROWR-12',
      requested_datetime: '2018-07-30T00:01:00-04:00', expected_datetime: '2018-08-03T00:01:00-04:00',
      address_id: '13459430', zipcode: null, lat: 43.691104288, long: -79.272306875, media_url: null, description: null,
    });
  });

  it('reads the empty updated_datetime as null, with one warning for both', () => {
    expect(value.map((r) => r.updated_datetime)).toEqual([null, null]);
    expect(warnings).toEqual([{
      code: 'empty-value', path: 'service_requests.request[0].updated_datetime',
      message: 'updated_datetime was empty in 2 requests; read as null',
    }]);
  });
});

describe('giessen-services.xml', () => {
  const { value, warnings } = readServices(fixture('giessen-services.xml'), 'xml');

  it('reads the services under the is_array root', () => {
    expect(value).toHaveLength(8);
    expect(value[0]).toEqual({
      service_code: '015', service_name: 'Abwasser und Wasser', description: null, metadata: false,
      type: 'realtime', keywords: null, group: null,
    });
    expect(value[3]).toMatchObject({
      service_name: 'Verkehrsschild beschädigt', description: 'Report graffiti on a building you own.', keywords: 'graffiti, paintings',
    });
  });

  it('reports is_array and the missing group', () => {
    expect(warnings).toEqual([
      { code: 'foreign-markup', path: 'services.@is_array', message: 'Attribute is_array="true" on <services> ignored' },
      { code: 'missing-field', path: 'services.service[0].group', message: 'group was missing in 8 services; read as null' },
    ]);
  });
});

describe('chicago-requests.json', () => {
  const { value, warnings } = readRequests(fixture('chicago-requests.json'), 'json');

  it('reads hex service codes and leaves omitted fields null', () => {
    expect(value).toHaveLength(2);
    expect(value[0]).toEqual({
      service_request_id: '14-01100669', status: 'open', status_notes: null, service_name: 'Alley Light Out',
      service_code: '4ffa9cad6018277d4000007b', description: null, agency_responsible: 'Division of Electrical Operations CDOT',
      service_notice: null, requested_datetime: '2014-07-12T10:58:43-05:00', updated_datetime: '2014-07-12T11:08:21-05:00',
      expected_datetime: null, address: '1540 W 17TH ST, CHICAGO, IL, 60608', address_id: null, zipcode: null,
      lat: 41.858724777757864, long: -87.66475146237676, media_url: null,
    });
    expect(value[1]).toMatchObject({ status_notes: 'Locked', service_code: '4fd3bd72e750846c530000cd' });
  });

  it('reports the omitted fields the spec always sends, not the optional ones', () => {
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'missing-field service_requests.request[0].description',
      'missing-field service_requests.request[0].address_id',
      'missing-field service_requests.request[0].zipcode',
      'missing-field service_requests.request[0].media_url',
    ]);
    expect(warnings[0]?.message).toBe('description was missing in 2 requests; read as null');
  });
});

describe('bloomington-services.json', () => {
  const { value, warnings } = readServices(fixture('bloomington-services.json'), 'json');

  it('reads JSON booleans and "" keywords as null', () => {
    expect(value).toHaveLength(46);
    expect(value[1]).toEqual({
      service_code: '4e090d24992b941e78000027', service_name: 'Graffiti', description: 'Report graffiti on public or private structures',
      metadata: true, type: 'realtime', keywords: null, group: 'Most Popular',
    });
    expect(value.filter((s) => s.metadata)).toHaveLength(11);
  });

  it('reports the "" keywords once', () => {
    expect(warnings).toEqual([{
      code: 'empty-value', path: 'services.service[0].keywords', message: 'keywords was empty in 46 services (e.g. ""); read as null',
    }]);
  });
});

describe('bloomington-requests.json', () => {
  const { value, warnings } = readRequests(fixture('bloomington-requests.json'), 'json');

  it('reads null and 0 coordinates as null, and "" media_url as null', () => {
    expect(value).toHaveLength(21);
    expect(value[0]).toMatchObject({ service_request_id: '4fbd40b2b1fe2c4b02000001', lat: null, long: null, media_url: null, address: null });
    expect(value[2]).toMatchObject({ service_request_id: '4fbd2b76b1fe2c195f000000', lat: null, long: null, zipcode: null, address: '612 W Coolidge DR' });
    expect(value[6]).toMatchObject({ status: 'closed', zipcode: '47401', lat: 39.139614, long: -86.49149, description: null });
    expect(value[9]?.media_url).toBe('https://bloomington.in.gov/crm/media/2012/05/23/4fbd12bcb1fe2c1c7d000001/media.jpg');
    expect(value[0]?.description).toContain('\r\n\r\nThanks.');
  });

  it('reports each quirk once', () => {
    expect(warnings.map((w) => w.message)).toEqual([
      'media_url was empty in 20 requests (e.g. ""); read as null',
      'zipcode was empty in 6 requests (e.g. ""); read as null',
      'lat/long were 0 in 6 requests, a placeholder for "unknown"; read as null',
      'description was empty in 3 requests (e.g. ""); read as null',
      'address was empty in one request (""); read as null',
    ]);
    expect(warning(warnings, 'zero-coordinates', 'lat')?.path).toBe('service_requests.request[2].lat');
  });
});

describe('boston-services.json', () => {
  const { value, warnings } = readServices(fixture('boston-services.json'), 'json');

  it('reads the 118 services without the extra definitions object', () => {
    expect(value).toHaveLength(118);
    expect(value[0]).toEqual({
      service_code: 'ABNDBIKE', service_name: 'Bicycle abandoned on the street or sidewalk',
      description: 'Did you find an abandoned bicycle in a public space? Please let us know.', metadata: true, type: 'realtime',
      keywords: 'Abandoned bicycle, bike', group: 'Traffic-Vehicles',
    });
    expect(value[117]?.service_code).toBe('WHLNCOMP');
    expect(value.every((s) => !('definitions' in s))).toBe(true);
  });

  it('reports the definitions object once for all 118', () => {
    expect(warnings).toEqual([{
      code: 'unknown-field', path: 'services.service[0].definitions',
      message: 'definitions is not a GeoReport v2 field in 118 services; ignored',
    }]);
  });
});

describe('helsinki-request.json', () => {
  const body = fixture('helsinki-request.json');

  it('reads the bare object as one request, string coordinates as numbers', () => {
    const { value, warnings } = readRequests(body, 'json');
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({
      service_request_id: '3qp16kaphhsc78uc422l', service_code: '584', status: 'closed', service_name: null,
      requested_datetime: '2016-03-22T13:27:16+02:00', updated_datetime: '2016-03-24T16:06:40+02:00',
      agency_responsible: 'Kaupunkisuunnitteluvirasto', lat: 22.266944, long: 60.451667,
    });
    expect(codes(warnings)).toEqual(expect.arrayContaining<WarningCode>(['bare-object', 'number-as-string', 'empty-value']));
    expect(codes(warnings)).not.toContain('coordinates-swapped');
    expect(warning(warnings, 'number-as-string', '.lat')?.message).toBe('lat was a string in one request ("22.266944"); read as a number');
    expect(warning(warnings, 'empty-value', 'service_name')?.message).toBe('service_name was empty in one request (""); read as null');
  });

  it('swaps lat/long back when the area of Finland is known', () => {
    const { value, warnings } = readRequests(body, 'json', { area: FINLAND });
    expect(value[0]).toMatchObject({ lat: 60.451667, long: 22.266944 });
    expect(warning(warnings, 'coordinates-swapped', 'lat')).toEqual({
      code: 'coordinates-swapped', path: 'service_requests.request[0].lat',
      message: "lat and long were exchanged in one request (lat 22.266944, long 60.451667); swapped back (only the swapped point lies in the endpoint's area)",
    });
  });

  it('keeps extended_attributes as sent', () => {
    const attributes = readRequests(body, 'json').value[0]?.extended_attributes;
    expect(attributes).toMatchObject({ title: 'Raskaiden ajoneuvojen parkkipaikoista', detailed_status: 'PROCESSED' });
    expect(attributes?.['tasks']).toHaveLength(7);
  });
});
