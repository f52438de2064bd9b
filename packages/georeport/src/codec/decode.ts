/**
 * Parsing o311's own strict output back into the model (round-trip tests, import of GeoReport files).
 * Throws {@link DecodeError} when the body is not the expected document.
 */
import type { Format } from '../format.js';
import type {
  Discovery, Open311ErrorItem, PublicRequestWithExtensions, RequestReceipt, RequestUpdate, Service, ServiceDefinition,
} from '../model.js';
import {
  discoveryDocument, errorsDocument, receiptsDocument, requestsDocument, serviceDefinitionDocument, servicesDocument,
  updatesDocument,
} from './documents.js';
import { readJsonDocument } from './json-read.js';
import type { DocumentShape } from './shape.js';
import { readXmlDocument } from './xml-read.js';

export { DecodeError } from './decode-error.js';

// The readers check every value against the document's shape, which mirrors the model types.
const decode = <T>(doc: DocumentShape, body: string, format: Format): T =>
  (format === 'xml' ? readXmlDocument(doc, body) : readJsonDocument(doc, body)) as T;

export function decodeDiscovery(body: string, format: Format): Discovery { return decode(discoveryDocument, body, format); }
export function decodeServices(body: string, format: Format): Service[] { return decode(servicesDocument, body, format); }
export function decodeServiceDefinition(body: string, format: Format): ServiceDefinition {
  return decode(serviceDefinitionDocument, body, format);
}
export function decodeRequests(body: string, format: Format): PublicRequestWithExtensions[] {
  return decode(requestsDocument, body, format);
}
export function decodeReceipts(body: string, format: Format): RequestReceipt[] { return decode(receiptsDocument, body, format); }
export function decodeUpdates(body: string, format: Format): RequestUpdate[] { return decode(updatesDocument, body, format); }
export function decodeErrors(body: string, format: Format): Open311ErrorItem[] { return decode(errorsDocument, body, format); }
