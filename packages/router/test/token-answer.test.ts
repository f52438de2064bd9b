/** What GET tokens/{token} answers in each delivery state (token-answer.ts). */
import { describe, expect, it } from 'vitest';
import { Open311Failure } from '@o311/georeport';
import type { FederatedRequest } from '@o311/store';
import { tokenAnswer } from '../src/token-answer.js';

const r = (over: Partial<FederatedRequest>): FederatedRequest => ({
  id: 'id-1', token: 'tok-1', endpoint_slug: 'polk-county', service_code: 'ROADKILL',
  fields: { lat: 1, long: 2, address_string: null, address_id: null, zipcode: null, description: null, media_url: null, attributes: {} },
  contact: { email: null, first_name: null, last_name: null, phone: null, device_id: null },
  account_id: null, api_key_id: null, channel: 'api', state: 'queued', attempts: 0, last_error: null, upstream_token: null, upstream_id: null,
  created_at: 0, updated_at: 0, last_attempt_at: null, delivered_at: null, ...over,
});

const failure = (f: () => unknown): Open311Failure => {
  try {
    f();
  } catch (e) {
    if (e instanceof Open311Failure) return e;
  }
  throw new Error('no Open311Failure');
};

describe('tokenAnswer', () => {
  it('gives the federated id once delivered, the token alone before, while dead, or without an upstream id', () => {
    expect(tokenAnswer('tok-1', r({ state: 'delivered', upstream_id: '1234' }))).toEqual({ service_request_id: 'polk-county:1234', token: 'tok-1' });
    expect(tokenAnswer('tok-1', r({ state: 'queued', attempts: 3, last_error: 'HTTP 503' }))).toEqual({ token: 'tok-1' });
    expect(tokenAnswer('tok-1', r({ state: 'dead', last_error: 'retries exhausted' }))).toEqual({ token: 'tok-1' });
    expect(tokenAnswer('tok-1', r({ state: 'delivered', upstream_id: null }))).toEqual({ token: 'tok-1' });
  });

  it('answers an upstream refusal as a 422 carrying its description, and an unknown token as a 404', () => {
    const refused = failure(() => tokenAnswer('tok-1', r({ state: 'failed', last_error: 'SIZE required: How big is it?' })));
    expect(refused.status).toBe(422);
    expect(refused.message).toBe("The endpoint 'polk-county' refused this request: SIZE required: How big is it?");
    expect(failure(() => tokenAnswer('nope', undefined)).status).toBe(404);
  });
});
