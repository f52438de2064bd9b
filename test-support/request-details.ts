/**
 * The optional details of a request, all empty: no description, location,
 * media link or attribute answers. Shared by the NewRequest and
 * ImportedRequest builders of the test suites; a fresh object on every call.
 */
import type { ImportedRequest, NewRequest } from '@o311/store';

type DetailField = 'description' | 'address' | 'address_id' | 'zipcode' | 'lat' | 'long' | 'media_url' | 'attributes';

export type RequestDetails = Pick<NewRequest & ImportedRequest, DetailField>;

export function emptyRequestDetails(): RequestDetails {
  return {
    description: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
    attributes: {},
  };
}
