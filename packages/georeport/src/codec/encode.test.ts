import { describe, it, expect } from 'vitest';
import type { PublicRequest, PublicRequestWithExtensions, Service, ServiceDefinition } from '../model.js';
import {
  encodeDiscovery, encodeErrors, encodeReceipts, encodeRequests, encodeServiceDefinition, encodeServices, encodeUpdates,
} from './encode.js';

const DECL = '<?xml version="1.0" encoding="utf-8"?>';

const pothole: PublicRequest = {
  service_request_id: '638344',
  status: 'closed',
  status_notes: 'Duplicate request.',
  service_name: 'Pothole',
  service_code: '006',
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: '2010-04-14T06:37:38-08:00',
  updated_datetime: '2010-04-14T06:37:38-08:00',
  expected_datetime: '2010-04-15T06:37:38-08:00',
  address: '8TH AVE and JUDAH ST',
  address_id: '545483',
  zipcode: '94122',
  lat: 37.762221815,
  long: -122.4651145,
  media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
};

const REQUEST_KEYS = [
  'service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
  'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode',
  'lat', 'long', 'media_url',
];

describe('encodeServices', () => {
  const services: Service[] = [
    { service_code: '001', service_name: 'Cans left out 24x7', description: 'Garbage or recycling cans', metadata: true, type: 'realtime', keywords: 'lorem, ipsum', group: 'sanitation' },
    { service_code: '002', service_name: 'Construction plate shifted', description: null, metadata: false, type: 'batch', keywords: null, group: null },
  ];

  it('writes XML services/service with booleans as text and null as empty elements', () => {
    expect(encodeServices(services, 'xml')).toBe(
      `${DECL}<services>` +
        '<service><service_code>001</service_code><service_name>Cans left out 24x7</service_name><description>Garbage or recycling cans</description><metadata>true</metadata><type>realtime</type><keywords>lorem, ipsum</keywords><group>sanitation</group></service>' +
        '<service><service_code>002</service_code><service_name>Construction plate shifted</service_name><description/><metadata>false</metadata><type>batch</type><keywords/><group/></service>' +
        '</services>',
    );
  });

  it('writes JSON as a top-level array with string codes and real booleans', () => {
    expect(JSON.parse(encodeServices(services, 'json'))).toEqual(services);
    expect(encodeServices(services, 'json')).toContain('"service_code":"001"');
    expect(encodeServices(services, 'json')).toContain('"metadata":false');
  });

  it('writes an empty list as an empty root / empty array', () => {
    expect(encodeServices([], 'xml')).toBe(`${DECL}<services/>`);
    expect(encodeServices([], 'json')).toBe('[]');
  });
});

describe('encodeServiceDefinition', () => {
  const definition: ServiceDefinition = {
    service_code: 'DMV66',
    attributes: [
      { variable: true, code: 'WHISHETN', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'What is the ticket/tag/DL number?', values: [{ key: '123', name: 'Ford' }, { key: '124', name: 'Chrysler' }] },
      { variable: false, code: 'NOTE', datatype: 'text', required: false, datatype_description: 'Read this', order: 2, description: 'Be careful & safe' },
      { variable: true, code: 'EMPTY', datatype: 'multivaluelist', required: false, datatype_description: null, order: 3, description: 'No options yet', values: [] },
    ],
  };

  it('writes XML with attributes/attribute and values/value', () => {
    expect(encodeServiceDefinition(definition, 'xml')).toBe(
      `${DECL}<service_definition><service_code>DMV66</service_code><attributes>` +
        '<attribute><variable>true</variable><code>WHISHETN</code><datatype>singlevaluelist</datatype><required>true</required><datatype_description/><order>1</order><description>What is the ticket/tag/DL number?</description><values><value><key>123</key><name>Ford</name></value><value><key>124</key><name>Chrysler</name></value></values></attribute>' +
        '<attribute><variable>false</variable><code>NOTE</code><datatype>text</datatype><required>false</required><datatype_description>Read this</datatype_description><order>2</order><description>Be careful &amp; safe</description></attribute>' +
        '<attribute><variable>true</variable><code>EMPTY</code><datatype>multivaluelist</datatype><required>false</required><datatype_description/><order>3</order><description>No options yet</description><values/></attribute>' +
        '</attributes></service_definition>',
    );
  });

  it('writes JSON as an object; values only for list datatypes', () => {
    const json = JSON.parse(encodeServiceDefinition(definition, 'json'));
    expect(json).toEqual(definition);
    expect(Object.keys(json.attributes[1])).not.toContain('values');
  });

  it('drops values given for a non-list datatype and adds [] for a list type without them', () => {
    const odd: ServiceDefinition = {
      service_code: 'X',
      attributes: [
        { variable: true, code: 'A', datatype: 'string', required: false, datatype_description: null, order: 1, description: 'a', values: [{ key: 'k', name: 'n' }] },
        { variable: true, code: 'B', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 2, description: 'b' },
      ],
    };
    const json = JSON.parse(encodeServiceDefinition(odd, 'json'));
    expect(json.attributes[0].values).toBeUndefined();
    expect(json.attributes[1].values).toEqual([]);
  });
});

describe('encodeRequests', () => {
  it('writes JSON keys in the spec order with numbers for lat/long', () => {
    const text = encodeRequests([pothole], 'json');
    const [json] = JSON.parse(text);
    expect(Object.keys(json)).toEqual(REQUEST_KEYS);
    expect(json.lat).toBe(37.762221815);
    expect(text).toContain('"agency_responsible":null');
  });

  it('writes XML elements in the spec order', () => {
    const xml = encodeRequests([pothole], 'xml');
    const order = [...xml.matchAll(/<([a-z_]+)(?:\/)?>/g)].map((m) => m[1]).filter((n) => n !== 'service_requests' && n !== 'request');
    expect(order).toEqual(REQUEST_KEYS);
    expect(xml).toContain('<lat>37.762221815</lat><long>-122.4651145</long>');
    expect(xml).toContain('<agency_responsible/>');
  });

  it('never writes properties the public shape does not name (PII stays out)', () => {
    const leaky = { ...pothole, email: 'me@example.org', phone: '555-1234', first_name: 'Jo' };
    for (const format of ['xml', 'json'] as const) {
      const out = encodeRequests([leaky], format);
      expect(out).not.toContain('example.org');
      expect(out).not.toContain('555-1234');
    }
  });

  it('writes empty nullable strings and missing coordinates as null', () => {
    const sparse: PublicRequest = { ...pothole, status_notes: '', lat: null, long: null, zipcode: '' };
    const [json] = JSON.parse(encodeRequests([sparse], 'json'));
    expect([json.status_notes, json.lat, json.long, json.zipcode]).toEqual([null, null, null, null]);
    expect(encodeRequests([sparse], 'xml')).toContain('<status_notes/>');
  });

  it('escapes markup and strips characters illegal in XML', () => {
    const xml = encodeRequests([{ ...pothole, description: 'Tom & Jerry\'s <b>"cart"</b>\u0007' }], 'xml');
    expect(xml).toContain('<description>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;cart&quot;&lt;/b&gt;</description>');
  });

  it('writes extended_attributes only when present', () => {
    const extended: PublicRequestWithExtensions = {
      ...pothole,
      extended_attributes: {
        detailed_status: 'in_progress',
        media_urls: ['https://a.example/1.jpg', 'https://a.example/2.jpg'],
        notes: [{ datetime: '2010-04-14T06:37:38-08:00', type: 'submitted', status: 'open', description: 'Received' }],
        attributes: [{ code: 'SIDE', value: 'left' }, { code: 'TAGS', value: ['a', 'b'] }, { code: 'NONE', value: [] }],
      },
    };
    const xml = encodeRequests([extended], 'xml');
    expect(xml).toContain(
      '<media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg</media_url><extended_attributes>' +
        '<detailed_status>in_progress</detailed_status>' +
        '<media_urls><media_url>https://a.example/1.jpg</media_url><media_url>https://a.example/2.jpg</media_url></media_urls>' +
        '<notes><note><datetime>2010-04-14T06:37:38-08:00</datetime><type>submitted</type><status>open</status><description>Received</description></note></notes>' +
        '<attributes><attribute><code>SIDE</code><value>left</value></attribute>' +
        '<attribute><code>TAGS</code><values><value>a</value><value>b</value></values></attribute>' +
        '<attribute><code>NONE</code><values/></attribute></attributes>' +
        '</extended_attributes></request>',
    );
    const [json] = JSON.parse(encodeRequests([extended], 'json'));
    expect(json.extended_attributes).toEqual(extended.extended_attributes);
    expect(Object.keys(json).at(-1)).toBe('extended_attributes');
    expect(encodeRequests([pothole], 'xml')).not.toContain('extended_attributes');
    expect(JSON.parse(encodeRequests([pothole], 'json'))[0]).not.toHaveProperty('extended_attributes');
  });
});

describe('encodeReceipts', () => {
  it('writes only the id for realtime, only the token for batch, neither for blackbox', () => {
    expect(encodeReceipts([{ service_request_id: '293944', service_notice: 'The City will inspect within 2 business days.', account_id: null }], 'xml')).toBe(
      `${DECL}<service_requests><request><service_request_id>293944</service_request_id><service_notice>The City will inspect within 2 business days.</service_notice><account_id/></request></service_requests>`,
    );
    expect(encodeReceipts([{ token: '12345', service_notice: null, account_id: '7' }], 'xml')).toBe(
      `${DECL}<service_requests><request><token>12345</token><service_notice/><account_id>7</account_id></request></service_requests>`,
    );
    expect(JSON.parse(encodeReceipts([{ service_notice: null }], 'json'))).toEqual([{ service_notice: null, account_id: null }]);
    expect(JSON.parse(encodeReceipts([{ token: 'abc' }], 'json'))).toEqual([{ token: 'abc', service_notice: null, account_id: null }]);
  });

  it('writes both for a token lookup', () => {
    expect(JSON.parse(encodeReceipts([{ service_request_id: '1', token: 't' }], 'json'))).toEqual([
      { service_request_id: '1', token: 't', service_notice: null, account_id: null },
    ]);
  });
});

describe('encodeErrors', () => {
  it('writes errors/error with a numeric code', () => {
    const errors = [{ code: 403, description: "Invalid api_key received -- can't proceed with create_request." }];
    expect(encodeErrors(errors, 'xml')).toBe(
      `${DECL}<errors><error><code>403</code><description>Invalid api_key received -- can&apos;t proceed with create_request.</description></error></errors>`,
    );
    expect(encodeErrors(errors, 'json')).toBe(
      '[{"code":403,"description":"Invalid api_key received -- can\'t proceed with create_request."}]',
    );
  });
});

describe('encodeUpdates', () => {
  it('writes service_request_updates/request_update', () => {
    const update = { update_id: 'u1', service_request_id: '638344', status: 'in_progress' as const, updated_datetime: '2026-01-31T10:00:00+00:00', description: '', media_url: null };
    expect(encodeUpdates([update], 'xml')).toBe(
      `${DECL}<service_request_updates><request_update><update_id>u1</update_id><service_request_id>638344</service_request_id><status>in_progress</status><updated_datetime>2026-01-31T10:00:00+00:00</updated_datetime><description/><media_url/></request_update></service_request_updates>`,
    );
    expect(JSON.parse(encodeUpdates([update], 'json'))).toEqual([update]);
  });
});

describe('encodeDiscovery', () => {
  it('writes an object with endpoints and formats arrays', () => {
    const discovery = {
      changeset: '2026-01-31T00:00:00Z',
      contact: 'You can email or call for assistance api@example.org +1 (555) 555-5555',
      key_service: 'You can request a key here: http://api.example.org/',
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'https://311.example.org/open311/v2', changeset: '2026-01-31T00:00:00Z', type: 'production' as const, formats: ['text/xml', 'application/json'] }],
    };
    expect(encodeDiscovery(discovery, 'xml')).toBe(
      `${DECL}<discovery><changeset>2026-01-31T00:00:00Z</changeset><contact>You can email or call for assistance api@example.org +1 (555) 555-5555</contact><key_service>You can request a key here: http://api.example.org/</key_service>` +
        '<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>https://311.example.org/open311/v2</url><changeset>2026-01-31T00:00:00Z</changeset><type>production</type><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>',
    );
    expect(JSON.parse(encodeDiscovery(discovery, 'json'))).toEqual(discovery);
  });
});

