import { describe, expect, it } from 'vitest';
import { missingEndpointsHeader, parseMissingEndpoints } from '../src/missing-endpoints.js';

describe('the partial-answer header', () => {
  it('is absent when nothing is missing', () => {
    expect(missingEndpointsHeader([])).toBeUndefined();
    expect(parseMissingEndpoints(null)).toEqual([]);
    expect(parseMissingEndpoints('')).toEqual([]);
  });

  it('names each missing endpoint with its reason as a quoted string, and reads back the slugs', () => {
    const header = missingEndpointsHeader([
      { slug: 'polk-county', reason: 'no answer within 5000 ms' },
      { slug: 'water', reason: 'GET http://x/requests.json answered HTTP 503: "busy", try later\\' },
    ])!;
    expect(header).toBe('polk-county;reason="no answer within 5000 ms", water;reason="GET http://x/requests.json answered HTTP 503: \\"busy\\", try later\\\\"');
    expect(parseMissingEndpoints(header)).toEqual(['polk-county', 'water']);
  });

  it('keeps a header line small and ASCII whatever the reason holds', () => {
    const header = missingEndpointsHeader([{ slug: 'x', reason: `Zürich\r\nSet-Cookie: a=b ${'long '.repeat(100)}` }])!;
    expect(header).toMatch(/^x;reason="Z\?rich\?\?Set-Cookie: a=b (long )+/);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.length).toBeLessThan(220);
  });
});
