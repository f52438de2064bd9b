import { describe, expect, it } from 'vitest';
import type { ClientRequest } from '@o311/client';
import { federatedRequest, strictRequest } from '../src/upstream-request.js';

const read: ClientRequest = {
  service_request_id: '638344', status: 'in_progress', status_notes: null, service_name: null, service_code: 'ROADKILL',
  description: 'A deer', agency_responsible: null, service_notice: null, requested_datetime: '2026-05-01T09:00:00-05:00',
  updated_datetime: null, expected_datetime: null, address: '1 Main St', address_id: null, zipcode: null, lat: 41.5, long: -93.6,
  media_url: null, extended_attributes: { reporter_email: 'someone@private.example' },
};

describe('requests read from an upstream', () => {
  it('are made strict: statuses open or closed, no nulls where the spec has strings, nothing extra carried over', () => {
    const strict = strictRequest(read)!;
    expect(strict).toMatchObject({ status: 'open', service_name: '', updated_datetime: '2026-05-01T09:00:00-05:00' });
    expect(strict).not.toHaveProperty('extended_attributes');
    expect(strictRequest({ ...read, status: 'fixed' })!.status).toBe('closed');
    expect(strictRequest({ ...read, status: 'weird' })!.status).toBe('open');
  });

  it('are left out when they cannot be addressed or ordered', () => {
    expect(strictRequest({ ...read, service_request_id: null })).toBeUndefined();
    expect(strictRequest({ ...read, requested_datetime: null })).toBeUndefined();
  });

  it('are named by their owner: id and service code namespaced, an empty code left empty', () => {
    const strict = strictRequest(read)!;
    expect(federatedRequest('polk-county', strict)).toMatchObject({ service_request_id: 'polk-county:638344', service_code: 'polk-county:ROADKILL' });
    expect(federatedRequest('polk-county', { ...strict, service_code: '' }).service_code).toBe('');
  });
});
