/** The marker of upstreams without Idempotency-Key (marker.ts) and the submission sent upstream (delivery-submission.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_DESCRIPTION_LENGTH } from '@o311/georeport';
import type { FederatedRequest } from '@o311/store';
import { DESCRIPTION_ROOM, MARKER_ROOM, hasMarker, markerOf, withMarker } from '../src/marker.js';
import { submissionOf } from '../src/delivery-submission.js';

const ID = '5b0f6a9e-2f0c-4d8e-9a51-0d3c7e1f2a44';

const stored = (over: Partial<FederatedRequest> = {}): FederatedRequest => ({
  id: ID, token: 'tok', endpoint_slug: 'polk-county', service_code: 'ROADKILL',
  fields: { lat: 41.6, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'A deer', media_url: null, attributes: { SIZE: 'large', WHO: ['car', 'bike'] } },
  contact: { email: 'ann@private.example', first_name: 'Ann', last_name: null, phone: null, device_id: null },
  account_id: 'acct-7', api_key_id: 'k1', channel: 'api', state: 'queued', attempts: 0, last_error: null, upstream_token: null, upstream_id: null,
  created_at: 0, updated_at: 0, last_attempt_at: null, delivered_at: null, ...over,
});

describe('marker', () => {
  it('is a last line naming the request, found again in the description as the upstream keeps it', () => {
    const sent = withMarker('A deer on the road', ID);
    expect(sent).toBe(`A deer on the road\n\n${markerOf(ID)}`);
    expect(markerOf(ID)).toContain(ID);
    expect(hasMarker(sent, ID)).toBe(true);
    // Upstreams that fold line breaks or trim still carry it.
    expect(hasMarker(sent.replace(/\n/g, ' ').trim(), ID)).toBe(true);
    expect(hasMarker(sent, ID.replace(/4$/, '5'))).toBe(false);
    expect(hasMarker('A deer on the road', ID)).toBe(false);
    expect(hasMarker(null, ID)).toBe(false);
    expect(withMarker(null, ID)).toBe(markerOf(ID));
    expect(withMarker('   ', ID)).toBe(markerOf(ID));
  });

  it('leaves room: the longest description allowed still fits the spec limit with its marker', () => {
    expect(withMarker('x'.repeat(DESCRIPTION_ROOM), ID).length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(MARKER_ROOM).toBeLessThan(80);
  });
});

describe('submissionOf', () => {
  it('marks the description and leaves account_id out for a plain upstream', () => {
    const s = submissionOf(stored(), undefined);
    expect(s).toEqual({
      service_code: 'ROADKILL', lat: 41.6, long: -93.6, attributes: { SIZE: 'large', WHO: ['car', 'bike'] },
      email: 'ann@private.example', first_name: 'Ann', description: `A deer\n\n${markerOf(ID)}`,
    });
  });

  it('sends the description as written and the account to an upstream that dedupes by key', () => {
    const s = submissionOf(stored(), { name: 'o311', idempotencyKeys: true });
    expect(s.description).toBe('A deer');
    expect(s.account_id).toBe('acct-7');
    expect(submissionOf(stored({ account_id: null }), { name: 'o311', idempotencyKeys: true })).not.toHaveProperty('account_id');
  });
});
