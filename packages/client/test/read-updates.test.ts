import { describe, expect, it } from 'vitest';
import type { RequestUpdate } from '@o311/georeport';
import { readUpdates } from '../src/read/index.js';

const UPDATE: RequestUpdate = {
  update_id: '42', service_request_id: '638344', status: 'in_progress', updated_datetime: '2026-03-01T09:30:00+00:00',
  description: '', media_url: null,
};

describe('readUpdates', () => {
  it('reads the FMS XML form, an empty description quietly', () => {
    const xml = '<service_request_updates><request_update><update_id>42</update_id><service_request_id>638344</service_request_id><status>in_progress</status><updated_datetime>2026-03-01T09:30:00+00:00</updated_datetime><description/><media_url/><external_status_code>IP</external_status_code></request_update></service_request_updates>';
    expect(readUpdates(xml, 'xml')).toEqual({ value: [UPDATE], warnings: [] });
  });

  it('compares statuses the FMS way: case-insensitive, a space for _', () => {
    const body = JSON.stringify([{ ...UPDATE, status: 'IN_PROGRESS' }, { ...UPDATE, status: 'Action Scheduled' }]);
    const { value, warnings } = readUpdates(body, 'json');
    expect(value.map((u) => u.status)).toEqual(['in_progress', 'action_scheduled']);
    expect(warnings).toEqual([{
      code: 'case-normalised', path: 'service_request_updates.request_update[0].status',
      message: 'status was not lower case in 2 updates (e.g. "IN_PROGRESS"); read as "in_progress"',
    }]);
  });

  it('reads a status outside the FMS states as unchanged', () => {
    const { value, warnings } = readUpdates(JSON.stringify([{ ...UPDATE, status: 'referred_to_veolia_streets' }]), 'json');
    expect(value[0]?.status).toBe('unchanged');
    expect(warnings.map((w) => w.code)).toEqual(['unknown-value']);
  });

  it('reads numeric ids and a datetime without timezone', () => {
    const { value, warnings } = readUpdates(JSON.stringify([{ ...UPDATE, update_id: 42, updated_datetime: '2026-03-01 09:30:00' }]), 'json', { timezone: 'Europe/London' });
    expect(value[0]).toMatchObject({ update_id: '42', updated_datetime: '2026-03-01T09:30:00+00:00' });
    expect(warnings.map((w) => w.code)).toEqual(['string-as-number', 'date-without-timezone', 'date-reformatted']);
  });
});
