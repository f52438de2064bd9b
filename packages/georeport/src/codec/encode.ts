/**
 * Strict output: the only place where GeoReport XML and JSON are produced.
 * XML starts with `<?xml version="1.0" encoding="utf-8"?>`; JSON follows the
 * spec's Spark mapping (arrays exactly where the spec has them, null for empty).
 */
import type { Format } from '../format.js';
import type {
  Discovery, Open311ErrorItem, PublicRequestWithExtensions, RequestReceipt, RequestUpdate, Service, ServiceDefinition,
} from '../model.js';

export function encodeDiscovery(d: Discovery, format: Format): string { throw new Error('TODO'); }
export function encodeServices(list: Service[], format: Format): string { throw new Error('TODO'); }
export function encodeServiceDefinition(d: ServiceDefinition, format: Format): string { throw new Error('TODO'); }
export function encodeRequests(list: PublicRequestWithExtensions[], format: Format): string { throw new Error('TODO'); }
export function encodeReceipts(list: RequestReceipt[], format: Format): string { throw new Error('TODO'); }
export function encodeUpdates(list: RequestUpdate[], format: Format): string { throw new Error('TODO'); }
export function encodeErrors(list: Open311ErrorItem[], format: Format): string { throw new Error('TODO'); }
