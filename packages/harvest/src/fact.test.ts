import { describe, expect, it } from 'vitest';
import type { ClientRequest } from '@o311/client';
import { statusOf, toFact } from './fact.js';

const request = (over: Partial<ClientRequest> = {}): ClientRequest => ({
  service_request_id: '7', status: 'open', status_notes: 'Called Ms Private on 555-0100', service_name: 'Pothole', service_code: 'pothole',
  description: 'Deep hole', agency_responsible: null, service_notice: null, requested_datetime: '2026-01-02T10:00:00-06:00',
  updated_datetime: '2026-01-03T10:00:00-06:00', expected_datetime: null, address: '1 Main St', address_id: null, zipcode: null,
  lat: 41.9, long: -87.6, media_url: null, ...over,
});

describe('toFact', () => {
  it('keeps public fields, with the group and area where known', () => {
    expect(toFact(request(), { groups: { pothole: 'Streets' }, areaOf: (lat) => (lat > 41 ? 'north' : null) })).toEqual({
      request_id: '7', service_code: 'pothole', service_name: 'Pothole', service_group: 'Streets', area_id: 'north', status: 'open',
      detailed_status: 'open', requested_at: Date.parse('2026-01-02T16:00:00Z'), updated_at: Date.parse('2026-01-03T16:00:00Z'),
      closed_at: null, expected_at: null, lat: 41.9, long: -87.6, address: '1 Main St', description: 'Deep hole',
    });
  });

  it('a closed request was closed when last updated; states beyond open/closed are kept as detail', () => {
    expect(toFact(request({ status: 'closed' }), { groups: {} })).toMatchObject({ status: 'closed', closed_at: Date.parse('2026-01-03T16:00:00Z') });
    expect(toFact(request({ status: 'fixed' }), { groups: {} })).toMatchObject({ status: 'closed', detailed_status: 'fixed' });
    expect(toFact(request({ status: 'in_progress' }), { groups: {} })).toMatchObject({ status: 'open', detailed_status: 'in_progress' });
    expect(toFact(request({ extended_attributes: { detailed_status: 'IN_PROGRESS' } }), { groups: {} })?.detailed_status).toBe('in_progress');
    expect(statusOf('Closed')).toBe('closed');
  });

  it("a date beyond four-digit years is no date (a zone's local day of it cannot be counted)", () => {
    const far = { requested_datetime: '+275760-09-13T00:00:00Z', updated_datetime: '2026-01-03T10:00:00-06:00', expected_datetime: '-271821-04-20T00:00:00Z' };
    expect(toFact(request(far), { groups: {} })).toMatchObject({ requested_at: Date.parse('2026-01-03T16:00:00Z'), expected_at: null });
    expect(toFact(request({ requested_datetime: '0000-01-01T00:00:00Z', updated_datetime: null }), { groups: {} })).toBeNull();
  });

  it('0/0 and impossible points are no point; no id or no date at all is no fact; no updated date is the request date', () => {
    expect(toFact(request({ lat: 0, long: 0 }), { groups: {}, areaOf: () => 'x' })).toMatchObject({ lat: null, long: null, area_id: null });
    expect(toFact(request({ lat: 95, long: 10 }), { groups: {} })).toMatchObject({ lat: null, long: null });
    expect(toFact(request({ service_request_id: null }), { groups: {} })).toBeNull();
    expect(toFact(request({ requested_datetime: null, updated_datetime: null }), { groups: {} })).toBeNull();
    const undated = toFact(request({ updated_datetime: null }), { groups: {} })!;
    expect(undated.updated_at).toBe(undated.requested_at);
    // A request updated "before" it was made (clock trouble upstream) is not closed before it opened.
    const early = toFact(request({ status: 'closed', updated_datetime: '2026-01-01T00:00:00Z' }), { groups: {} })!;
    expect(early.closed_at).toBe(early.requested_at);
  });

  it('text is bounded and cleaned; status notes (which name people) are never kept', () => {
    const fact = toFact(request({ description: `a\u0000b${'x'.repeat(5000)}`, address: '   ', service_name: null }), { groups: {} })!;
    expect(fact.description).toHaveLength(4000);
    expect(fact.description!.startsWith('ab')).toBe(true);
    expect(fact.address).toBeNull();
    expect(fact.service_name).toBe('pothole');
    expect(JSON.stringify(fact)).not.toMatch(/Private|555-0100/);
  });
});
