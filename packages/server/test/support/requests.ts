/** Seeding requests straight into the store, with the reporter's contact data. */
import type { NewRequest, Store, StoredRequest } from '@o311/store';
import { emptyRequestDetails } from '../../../../test-support/request-details.js';
import { JURISDICTION, REPORTER } from './fixture.js';

export const DAY = 86_400_000;

export function newRequest(over: Partial<NewRequest> & Pick<NewRequest, 'service_code'>): NewRequest {
  return {
    jurisdiction_id: JURISDICTION.id,
    with_token: false,
    ...emptyRequestDetails(),
    reporter: { ...REPORTER },
    media: [],
    api_key_id: null,
    channel: 'api',
    ...over,
  };
}

export async function seedRequest(
  store: Store,
  over: Partial<NewRequest> & Pick<NewRequest, 'service_code'>,
): Promise<StoredRequest> {
  return store.createRequest(newRequest(over));
}
