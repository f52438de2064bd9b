/**
 * The discovery API's documents, described once (see shape.ts): JSON keys and
 * XML element names are the same, lists are `<endpoints><endpoint>…`.
 */
import { SERVICE_FIELDS } from './documents.js';
import type { DocumentShape, Field } from './shape.js';
import { bool, listOf, object, str, strOrNull } from './shape.js';

const optional = (key: string, shape: Field['shape']): Field => ({ key, shape, presence: 'ifPresent' });


const boundary = object(['id', str], ['name', str], ['tier', str], ['approximate', bool], ['source', str]);

const endpointFields = [
  ['slug', str],
  ['name', str],
  ['tier', str],
  ['country', strOrNull],
  ['base_url', strOrNull],
  ['discovery_url', strOrNull],
  ['jurisdiction_id', strOrNull],
  ['local', bool],
  ['formats', listOf('format', str)],
  ['api_key_url', strOrNull],
  ['terms_url', strOrNull],
  ['contact_email', strOrNull],
  ['status', str],
  ['boundary_id', strOrNull],
  ['updated_datetime', str],
  optional('last_check', object(['datetime', str], ['ok', bool], ['summary', str])),
  optional('boundary', boundary),
] as const;

const endpoint = object(...endpointFields);

export const registryEndpointDocument: DocumentShape = { root: 'endpoint', shape: endpoint };

export const registryEndpointsDocument: DocumentShape = { root: 'endpoints', shape: listOf('endpoint', endpoint) };

export const lookupDocument: DocumentShape = {
  root: 'lookup',
  shape: object(
    ['endpoints', listOf('endpoint', object(
      ...endpointFields,
      optional('services', listOf('service', object(...SERVICE_FIELDS))),
      optional('services_expires', str),
      optional('services_error', str),
    ))],
  ),
};

/** A service of GET Service List with the endpoint and tier that own it. */
const offeredService = object(...SERVICE_FIELDS, ['endpoint', str], ['endpoint_name', str], ['tier', str]);

export const pointServicesDocument: DocumentShape = {
  root: 'point_services',
  shape: object(
    ['services', listOf('service', offeredService)],
    ['unavailable', listOf('endpoint', object(['endpoint', str], ['tier', str], ['services_error', str]))],
  ),
};

/**
 * The federated endpoint's GET Service List: the spec's `services` document
 * whose services also name their owner (extension fields after the standard
 * ones, which plain v2 clients skip).
 */
export const offeredServicesDocument: DocumentShape = { root: 'services', shape: listOf('service', offeredService) };
