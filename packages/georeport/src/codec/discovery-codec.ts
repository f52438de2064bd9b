/** Encoding and decoding of the discovery API's documents (discovery-documents.ts), XML or JSON. */
import type { Format } from '../format.js';
import {
  lookupDocument, offeredServicesDocument, pointServicesDocument, registryEndpointDocument, registryEndpointsDocument,
} from './discovery-documents.js';
import type { LookupAnswer, OfferedService, PointServices, WireEndpoint } from './discovery-model.js';
import { readJsonDocument } from './json-read.js';
import { writeJsonDocument } from './json-write.js';
import type { DocumentShape } from './shape.js';
import { readXmlDocument } from './xml-read.js';
import { writeXmlDocument } from './xml-write.js';

export type * from './discovery-model.js';

const encode = (doc: DocumentShape, value: unknown, format: Format): string =>
  format === 'xml' ? writeXmlDocument(doc, value) : writeJsonDocument(doc, value);

// The readers check every value against the document's shape, which mirrors the types.
const decode = <T>(doc: DocumentShape, body: string, format: Format): T =>
  (format === 'xml' ? readXmlDocument(doc, body) : readJsonDocument(doc, body)) as T;

export const encodeLookup = (a: LookupAnswer, format: Format): string => encode(lookupDocument, a, format);
export const decodeLookup = (body: string, format: Format): LookupAnswer => decode(lookupDocument, body, format);

export const encodePointServices = (s: PointServices, format: Format): string => encode(pointServicesDocument, s, format);
export const decodePointServices = (body: string, format: Format): PointServices => decode(pointServicesDocument, body, format);

export const encodeOfferedServices = (s: OfferedService[], format: Format): string => encode(offeredServicesDocument, s, format);
export const decodeOfferedServices = (body: string, format: Format): OfferedService[] => decode(offeredServicesDocument, body, format);

export const encodeRegistryEndpoint = (e: WireEndpoint, format: Format): string => encode(registryEndpointDocument, e, format);
export const decodeRegistryEndpoint = (body: string, format: Format): WireEndpoint => decode(registryEndpointDocument, body, format);

export const encodeRegistryEndpoints = (list: WireEndpoint[], format: Format): string =>
  encode(registryEndpointsDocument, list, format);
export const decodeRegistryEndpoints = (body: string, format: Format): WireEndpoint[] =>
  decode(registryEndpointsDocument, body, format);
