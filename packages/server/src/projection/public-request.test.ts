import { describe, expect, it } from 'vitest';
import type { RequestEvent, StoredRequest } from '@o311/store';
import { toExtendedRequest, toPublicRequest, toRequestUpdate } from './public-request.js';

const stored: StoredRequest = {
  id: '17',
  jurisdiction_id: 'city',
  service_code: 'pothole',
  service_name: 'Pothole',
  token: null,
  status: 'in_progress',
  status_notes: 'Crew sent',
  description: 'Deep',
  agency_responsible: 'Streets',
  service_notice: null,
  requested_at: Date.UTC(2026, 0, 15, 12, 0, 0),
  updated_at: Date.UTC(2026, 6, 1, 12, 0, 0),
  expected_at: null,
  address: '1 Main',
  address_id: null,
  zipcode: null,
  lat: 41.5,
  long: -87.25,
  media_url: 'https://elsewhere.example/p.jpg',
  attributes: { SIZE: 'large', HAZARDS: ['car'] },
  reporter: {
    email: 'secret@example.org', first_name: 'Sec', last_name: 'Ret', phone: '555-SECRET', device_id: 'dev-secret',
    account_id: 'acct-secret',
  },
  media_ids: ['m1', 'm2'],
  channel: 'api',
};

const ctx = { timezone: 'America/Chicago', mediaBase: 'https://city.example/open311/v2/media/' };

const events: RequestEvent[] = [
  { id: 'e1', request_id: '17', at: stored.requested_at, type: 'submitted', status: 'open', description: 'Deep', public: true, author: null, media_url: null },
  { id: 'e2', request_id: '17', at: stored.updated_at, type: 'comment', status: 'open', description: 'internal', public: false, author: 'x', media_url: null },
  { id: 'e3', request_id: '17', at: stored.updated_at, type: 'status_change', status: 'in_progress', description: 'Crew sent', public: true, author: 'y', media_url: '/open311/v2/media/m9' },
];

describe('public request projection', () => {
  it('maps the stored request to the spec fields, dates in local time with offset', () => {
    const p = toPublicRequest(stored, ctx);
    expect(p).toEqual({
      service_request_id: '17',
      status: 'open',
      status_notes: 'Crew sent',
      service_name: 'Pothole',
      service_code: 'pothole',
      description: 'Deep',
      agency_responsible: 'Streets',
      service_notice: null,
      requested_datetime: '2026-01-15T06:00:00-06:00',
      updated_datetime: '2026-07-01T07:00:00-05:00',
      expected_datetime: null,
      address: '1 Main',
      address_id: null,
      zipcode: null,
      lat: 41.5,
      long: -87.25,
      media_url: 'https://city.example/open311/v2/media/m1',
    });
  });

  it('never carries the reporter, with or without extensions', () => {
    const text = JSON.stringify([toPublicRequest(stored, ctx), toExtendedRequest(stored, events, ctx)]);
    for (const secret of Object.values(stored.reporter)) expect(text).not.toContain(secret);
  });

  it('adds detailed status, every media link, public notes and answers', () => {
    const e = toExtendedRequest(stored, events, ctx).extended_attributes!;
    expect(e.detailed_status).toBe('in_progress');
    expect(e.media_urls).toEqual([
      'https://city.example/open311/v2/media/m1',
      'https://city.example/open311/v2/media/m2',
      'https://elsewhere.example/p.jpg',
    ]);
    expect(e.notes.map((n) => n.type)).toEqual(['submitted', 'status_change']);
    expect(e.attributes).toEqual([{ code: 'SIZE', value: 'large' }, { code: 'HAZARDS', value: ['car'] }]);
  });

  it('makes relative media links absolute in updates', () => {
    expect(toRequestUpdate(events[2]!, ctx)).toEqual({
      update_id: 'e3',
      service_request_id: '17',
      status: 'in_progress',
      updated_datetime: '2026-07-01T07:00:00-05:00',
      description: 'Crew sent',
      media_url: 'https://city.example/open311/v2/media/m9',
    });
  });

  it('never throws on a stored date W3C-DTF cannot write: the optional one is left out, the others kept in range', () => {
    const year10000 = Date.UTC(10_000, 0, 1, 5);
    const poisoned = { ...stored, expected_at: year10000, updated_at: year10000, requested_at: -70_000_000_000_000 };
    const p = toPublicRequest(poisoned, ctx);
    expect(p.expected_datetime).toBeNull();
    expect(p.updated_datetime).toBe('9999-12-31T17:59:59-06:00');
    expect(p.requested_datetime).toBe('0001-01-01T00:00:00+00:00');
    const late = { ...events[2]!, at: year10000 };
    expect(toRequestUpdate(late, ctx).updated_datetime).toBe('9999-12-31T17:59:59-06:00');
    expect(toExtendedRequest(poisoned, [late], ctx).extended_attributes!.notes[0]!.datetime).toBe('9999-12-31T17:59:59-06:00');
  });
});
