import { describe, expect, it } from 'vitest';
import { readReceipts } from '../src/read/index.js';

describe('readReceipts', () => {
  it('reads realtime, batch and blackbox receipts, leaving out absent members', () => {
    const xml = '<service_requests><request><service_request_id>293944</service_request_id><service_notice>The City will inspect within 24 hours</service_notice><account_id/></request></service_requests>';
    expect(readReceipts(xml, 'xml')).toEqual({
      value: [{ service_request_id: '293944', service_notice: 'The City will inspect within 24 hours', account_id: null }],
      warnings: [],
    });
    expect(readReceipts('[{"token":"12345","service_notice":null,"account_id":null}]', 'json').value).toEqual([
      { token: '12345', service_notice: null, account_id: null },
    ]);
    expect(readReceipts('[{"service_notice":"Thanks"}]', 'json').value).toEqual([{ service_notice: 'Thanks' }]);
  });

  it('reads a token lookup with a numeric id', () => {
    const { value, warnings } = readReceipts('[{"service_request_id":638344,"token":"12345"}]', 'json');
    expect(value).toEqual([{ service_request_id: '638344', token: '12345' }]);
    expect(warnings.map((w) => w.code)).toEqual(['string-as-number']);
  });

  it('reads a FMS-wrapped receipt and a Boston whole request, reporting the extra fields once each', () => {
    const { value, warnings } = readReceipts('{"service_requests":[{"service_request_id":"1","status":"open","id":"x"}]}', 'json');
    expect(value).toEqual([{ service_request_id: '1' }]);
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'wrapped-json service_requests', 'unknown-field service_requests.request[0].status', 'unknown-field service_requests.request[0].id',
    ]);
  });

  it('reads a bare receipt object', () => {
    expect(readReceipts('{"token":"abc"}', 'json')).toMatchObject({ value: [{ token: 'abc' }], warnings: [{ code: 'bare-object' }] });
  });
});
