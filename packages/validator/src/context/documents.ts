/** The GeoReport v2 documents a run reads: where their data sits, and the client reader for each. */
import {
  readDiscovery, readErrors, readReceipts, readRequests, readServiceDefinition, readServices, readUpdates,
  type ClientRequest, type Read,
} from '@o311/client';
import type {
  Discovery, Format, Open311ErrorItem, RequestReceipt, RequestUpdate, Service, ServiceDefinition,
} from '@o311/georeport';
import type { DocShape } from '../raw/shape.js';

export interface DocKind<T> extends DocShape {
  /** Names the document in messages and cache keys. */
  label: string;
  read(body: string, format: Format, httpStatus: number): Read<T>;
}

export const DISCOVERY: DocKind<Discovery> = { label: 'discovery', root: 'discovery', item: null, read: (b, f) => readDiscovery(b, f) };
export const SERVICES: DocKind<Service[]> = { label: 'service list', root: 'services', item: 'service', read: (b, f) => readServices(b, f) };
export const DEFINITION: DocKind<ServiceDefinition> = {
  label: 'service definition', root: 'service_definition', item: null, read: (b, f) => readServiceDefinition(b, f),
};
export const REQUESTS: DocKind<ClientRequest[]> = {
  label: 'service requests', root: 'service_requests', item: 'request', read: (b, f) => readRequests(b, f),
};
export const RECEIPTS: DocKind<RequestReceipt[]> = {
  label: 'receipt', root: 'service_requests', item: 'request', read: (b, f) => readReceipts(b, f),
};
export const ERRORS: DocKind<Open311ErrorItem[]> = { label: 'errors', root: 'errors', item: 'error', read: readErrors };
export const UPDATES: DocKind<RequestUpdate[]> = {
  label: 'request updates', root: 'service_request_updates', item: 'request_update', read: (b, f) => readUpdates(b, f),
};
