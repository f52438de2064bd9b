/**
 * Strict output: the only place where GeoReport XML and JSON are produced.
 * XML starts with `<?xml version="1.0" encoding="utf-8"?>`; JSON follows the
 * spec's Spark mapping (arrays exactly where the spec has them, null for empty).
 * Only the fields of the documents in documents.ts are written, in spec order;
 * nullable strings that are empty are written as null / an empty element.
 */
import type { Format } from '../format.js';
import type {
  Discovery, Open311ErrorItem, PublicRequestWithExtensions, RequestReceipt, RequestUpdate, Service, ServiceDefinition,
} from '../model.js';
import {
  discoveryDocument, errorsDocument, receiptsDocument, requestsDocument, serviceDefinitionDocument, servicesDocument,
  updatesDocument,
} from './documents.js';
import { writeJsonDocument } from './json-write.js';
import type { DocumentShape } from './shape.js';
import { writeXmlDocument } from './xml-write.js';

const encode = (doc: DocumentShape, value: unknown, format: Format): string =>
  format === 'xml' ? writeXmlDocument(doc, value) : writeJsonDocument(doc, value);

export function encodeDiscovery(d: Discovery, format: Format): string { return encode(discoveryDocument, d, format); }
export function encodeServices(list: Service[], format: Format): string { return encode(servicesDocument, list, format); }
export function encodeServiceDefinition(d: ServiceDefinition, format: Format): string {
  return encode(serviceDefinitionDocument, d, format);
}
export function encodeRequests(list: PublicRequestWithExtensions[], format: Format): string {
  return encode(requestsDocument, list, format);
}
/** Realtime receipts carry `service_request_id`, batch ones `token`, blackbox neither: only keys present are written. */
export function encodeReceipts(list: RequestReceipt[], format: Format): string { return encode(receiptsDocument, list, format); }
export function encodeUpdates(list: RequestUpdate[], format: Format): string { return encode(updatesDocument, list, format); }
export function encodeErrors(list: Open311ErrorItem[], format: Format): string { return encode(errorsDocument, list, format); }
