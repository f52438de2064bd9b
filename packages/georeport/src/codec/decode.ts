/** Parsing o311's own strict output back into the model (round-trip tests, import of GeoReport files). */
import type { Format } from '../format.js';
import type {
  Discovery, Open311ErrorItem, PublicRequestWithExtensions, RequestReceipt, RequestUpdate, Service, ServiceDefinition,
} from '../model.js';

export function decodeDiscovery(body: string, format: Format): Discovery { throw new Error('TODO'); }
export function decodeServices(body: string, format: Format): Service[] { throw new Error('TODO'); }
export function decodeServiceDefinition(body: string, format: Format): ServiceDefinition { throw new Error('TODO'); }
export function decodeRequests(body: string, format: Format): PublicRequestWithExtensions[] { throw new Error('TODO'); }
export function decodeReceipts(body: string, format: Format): RequestReceipt[] { throw new Error('TODO'); }
export function decodeUpdates(body: string, format: Format): RequestUpdate[] { throw new Error('TODO'); }
export function decodeErrors(body: string, format: Format): Open311ErrorItem[] { throw new Error('TODO'); }
