/**
 * Test data and setup shared by the store's contract suites (contract.ts,
 * back-office-contract.ts).
 */
import type { Attribute } from '@o311/georeport';
import type { ImportedRequest, NewRequest, NewService, Store } from '@o311/store';
import { emptyRequestDetails } from '../../../test-support/request-details.js';

export const HOUR = 3_600_000;
export const T0 = Date.UTC(2024, 0, 15, 12, 0, 0);

let seq = 0;
export const uid = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

export const ATTRIBUTES: Attribute[] = [
  {
    variable: true,
    code: 'DEPTH',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    order: 1,
    description: 'How deep is the hole?',
    values: [
      { key: 'shallow', name: 'Shallow' },
      { key: 'deep', name: 'Deep' },
    ],
  },
  {
    variable: false,
    code: 'NOTE',
    datatype: 'text',
    required: false,
    datatype_description: 'Read me',
    order: 2,
    description: 'Do not stand in the hole.',
  },
];

export const service = (jurisdiction_id: string, overrides: Partial<NewService> = {}): NewService => ({
  jurisdiction_id,
  service_code: 'pothole',
  service_name: 'Pothole',
  description: 'Holes in the road',
  type: 'realtime',
  keywords: 'road,hole',
  group: 'Streets',
  active: true,
  agency_responsible: 'Roads Department',
  service_notice: 'Fixed within 48 hours',
  sla_hours: 48,
  attributes: ATTRIBUTES,
  translations: {
    es: { service_name: 'Bache', description: 'Agujeros', attributes: { DEPTH: { description: '¿Qué tan profundo?', values: { deep: 'Profundo' } } } },
  },
  blackbox_receipt: 'none',
  ...overrides,
});

export const reporter = { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null };

export const newRequest = (jurisdiction_id: string, overrides: Partial<NewRequest> = {}): NewRequest => ({
  jurisdiction_id,
  service_code: 'pothole',
  with_token: false,
  description: 'A hole',
  address: '1 Main St',
  address_id: null,
  zipcode: '60601',
  lat: 41.88,
  long: -87.63,
  media_url: null,
  attributes: {},
  reporter,
  media: [],
  api_key_id: null,
  channel: 'api',
  ...overrides,
});

export const imported = (jurisdiction_id: string, overrides: Partial<ImportedRequest> = {}): ImportedRequest => ({
  jurisdiction_id,
  service_code: 'pothole',
  ...emptyRequestDetails(),
  description: 'Imported',
  reporter,
  status: 'open',
  status_notes: null,
  requested_at: T0,
  updated_at: T0,
  expected_at: null,
  agency_responsible: null,
  ...overrides,
});

/** A new jurisdiction with a realtime `pothole` and a batch `graffiti` service. */
export async function addJurisdiction(store: Store): Promise<string> {
  const id = uid('j');
  await store.saveJurisdiction({ id, name: `City ${id}`, contact: 'ops@example.org', key_service: 'ask', timezone: 'America/Chicago' });
  await store.saveService(service(id));
  await store.saveService(service(id, { service_code: 'graffiti', service_name: 'Graffiti', type: 'batch', sla_hours: null, agency_responsible: null, service_notice: null, attributes: [] }));
  return id;
}

export { withFreshStore } from '../../../test-support/fresh-store.js';
