import { describe, it, expect } from 'vitest';
import {
  DecodeError, decodeDiscovery, decodeErrors, decodeReceipts, decodeRequests, decodeServiceDefinition, decodeServices,
  decodeUpdates,
} from './decode.js';

describe('decode XML', () => {
  it('keeps ids as strings ("001" stays "001")', () => {
    const [s] = decodeServices(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>001</service_code><service_name>0.50</service_name><description/><metadata>true</metadata><type>realtime</type><keywords>1e3</keywords><group/></service></services>',
      'xml',
    );
    expect(s).toEqual({ service_code: '001', service_name: '0.50', description: null, metadata: true, type: 'realtime', keywords: '1e3', group: null });
  });

  it('ignores foreign attributes, namespace declarations and prefixes', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n<services xmlns:m="http://org/sfgov/sf311v2/services" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" is_array="true">' +
      '<service><service_code>001</service_code><metadata>false</metadata><type>realtime</type><keywords/><group>Litter</group><service_name>Cans</service_name><m:description xsi:nil="true"/></service></services>';
    expect(decodeServices(xml, 'xml')).toEqual([
      { service_code: '001', service_name: 'Cans', description: null, metadata: false, type: 'realtime', keywords: null, group: 'Litter' },
    ]);
  });

  it('reads pretty-printed documents with fields in any order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<service_requests>
  <request>
    <service_request_id>101005420892</service_request_id>
    <status>open</status>
    <status_notes>In progress</status_notes>
    <service_name>Road - Pot hole</service_name>
    <service_code>CSROWR-12</service_code>
    <description/>
    <agency_responsible>311 Toronto</agency_responsible>
    <service_notice/>
    <requested_datetime>2018-07-30T00:01:00-04:00</requested_datetime>
    <updated_datetime>2018-07-30T00:01:00-04:00</updated_datetime>
    <expected_datetime/>
    <address>Warden Ave / Freeman St</address>
    <address_id>13459430</address_id>
    <zipcode/>
    <long>-79.272306875</long>
    <lat>43.691104288</lat>
    <media_url/>
  </request>
</service_requests>`;
    const [r] = decodeRequests(xml, 'xml');
    expect(r?.lat).toBe(43.691104288);
    expect(r?.long).toBe(-79.272306875);
    expect(r?.description).toBeNull();
    expect(r?.address).toBe('Warden Ave / Freeman St');
    expect(r).not.toHaveProperty('extended_attributes');
  });

  it('decodes character references, including CR', () => {
    const [e] = decodeErrors('<errors><error><code>400</code><description>a&#13;&#10;b &amp;&lt;&gt;&quot;&apos; &#x1F600;</description></error></errors>', 'xml');
    expect(e).toEqual({ code: 400, description: 'a\r\nb &<>"\' 😀' });
  });

  it('accepts the older definition form without <attributes>', () => {
    const xml =
      '<service_definition><service_code>DMV66</service_code><attribute><variable>true</variable><code>A</code><datatype>singlevaluelist</datatype><required>false</required><datatype_description/><order>1</order><description>Q</description><values><value><key>1</key><name>One</name></value></values></attribute></service_definition>';
    expect(decodeServiceDefinition(xml, 'xml')).toEqual({
      service_code: 'DMV66',
      attributes: [{ variable: true, code: 'A', datatype: 'singlevaluelist', required: false, datatype_description: null, order: 1, description: 'Q', values: [{ key: '1', name: 'One' }] }],
    });
  });

  it('reads single and list answers in extended attributes', () => {
    const xml =
      '<service_requests><request><service_request_id>1</service_request_id><status>open</status><status_notes/><service_name>n</service_name><service_code>c</service_code><description/><agency_responsible/><service_notice/><requested_datetime>2026-01-01T00:00:00+00:00</requested_datetime><updated_datetime>2026-01-01T00:00:00+00:00</updated_datetime><expected_datetime/><address/><address_id/><zipcode/><lat/><long/><media_url/>' +
      '<extended_attributes><detailed_status>open</detailed_status><media_urls/><notes/><attributes><attribute><code>ONE</code><value>x</value></attribute><attribute><code>MANY</code><values><value>a</value></values></attribute></attributes></extended_attributes></request></service_requests>';
    const [r] = decodeRequests(xml, 'xml');
    expect(r?.extended_attributes).toEqual({
      detailed_status: 'open', media_urls: [], notes: [], attributes: [{ code: 'ONE', value: 'x' }, { code: 'MANY', value: ['a'] }],
    });
  });

  it('reads receipts with only the fields present', () => {
    expect(decodeReceipts('<service_requests><request><token>abc</token><service_notice/><account_id/></request></service_requests>', 'xml')).toEqual([
      { token: 'abc', service_notice: null, account_id: null },
    ]);
    expect(decodeReceipts('<service_requests/>', 'xml')).toEqual([]);
  });

  it('normalises status case', () => {
    const [u] = decodeUpdates('<service_request_updates><request_update><update_id>1</update_id><service_request_id>2</service_request_id><status>FIXED</status><updated_datetime>2026-01-01T00:00:00Z</updated_datetime><description/><media_url/></request_update></service_request_updates>', 'xml');
    expect(u?.status).toBe('fixed');
    expect(u?.description).toBe('');
  });

  it('throws DecodeError with a path for documents of the wrong shape', () => {
    expect(() => decodeServices('<errors/>', 'xml')).toThrow(DecodeError);
    expect(() => decodeServices('not xml at all <', 'xml')).toThrow(DecodeError);
    const bad = (body: string) => {
      try {
        decodeServices(body, 'xml');
      } catch (e) {
        return e instanceof DecodeError ? e.path : 'other';
      }
      return 'none';
    };
    const service = (inner: string) => `<services><service><service_code>1</service_code><service_name>n</service_name><description/>${inner}<keywords/><group/></service></services>`;
    expect(bad(service('<metadata>maybe</metadata><type>realtime</type>'))).toBe('services.service[0].metadata');
    expect(bad(service('<metadata>true</metadata><type>instant</type>'))).toBe('services.service[0].type');
    expect(bad(service('<metadata>true</metadata>'))).toBe('services.service[0].type');
    expect(bad(service('<metadata>true</metadata><type>realtime</type><type>batch</type>'))).toBe('services.service[0].type');
  });
});

describe('decode JSON', () => {
  it('reads top-level arrays and objects', () => {
    expect(decodeErrors('[{"code":404,"description":"nope"}]', 'json')).toEqual([{ code: 404, description: 'nope' }]);
    expect(decodeDiscovery('{"changeset":"c","contact":"x","key_service":"k","endpoints":[]}', 'json')).toEqual({
      changeset: 'c', contact: 'x', key_service: 'k', endpoints: [],
    });
  });

  it('also takes the wrapped framing', () => {
    expect(decodeErrors('{"errors":[{"code":400,"description":"d"}]}', 'json')).toEqual([{ code: 400, description: 'd' }]);
    expect(decodeDiscovery('{"discovery":{"changeset":"c","contact":"x","key_service":"k","endpoints":[]}}', 'json').contact).toBe('x');
  });

  it('tolerates stringified numbers and booleans, numeric ids', () => {
    const [s] = decodeServices('[{"service_code":1,"service_name":"n","description":null,"metadata":"true","type":"batch","keywords":null,"group":null}]', 'json');
    expect(s?.service_code).toBe('1');
    expect(s?.metadata).toBe(true);
    const [e] = decodeErrors('[{"code":"400","description":"d"}]', 'json');
    expect(e?.code).toBe(400);
  });

  it('reads missing nullable fields as null and keeps absent optional ones absent', () => {
    expect(decodeReceipts('[{"service_request_id":"9"}]', 'json')).toEqual([{ service_request_id: '9', service_notice: null, account_id: null }]);
  });

  it('throws DecodeError on bad JSON or wrong types', () => {
    expect(() => decodeErrors('[{', 'json')).toThrow(DecodeError);
    expect(() => decodeErrors('{"code":1}', 'json')).toThrow(DecodeError);
    expect(() => decodeErrors('[{"code":"x","description":"d"}]', 'json')).toThrow(/errors\.error\[0\]\.code/);
    expect(() => decodeErrors('[{"code":1,"description":{}}]', 'json')).toThrow(DecodeError);
    expect(() => decodeErrors('[{"code":1}]', 'json')).toThrow(/missing/);
  });
});
