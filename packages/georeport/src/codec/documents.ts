/**
 * Every document o311 writes, described once. Field order is the order the
 * spec lists the fields in; JSON keys and XML element names are the same.
 */
import { DATATYPES, EXTENDED_STATUSES, PUBLIC_STATUSES, SERVICE_TYPES } from '../model.js';
import type { DocumentShape } from './shape.js';
import { bool, listOf, num, numOrNull, object, oneOf, str, strOrNull, stringOrList } from './shape.js';

const LIST_DATATYPES: ReadonlySet<unknown> = new Set(['singlevaluelist', 'multivaluelist']);
const extendedStatus = oneOf(Object.keys(EXTENDED_STATUSES));

export const discoveryDocument: DocumentShape = {
  root: 'discovery',
  shape: object(
    ['changeset', str],
    ['contact', str],
    ['key_service', str],
    ['endpoints', listOf('endpoint', object(
      ['specification', str],
      ['url', str],
      ['changeset', str],
      ['type', oneOf(['production', 'test'])],
      ['formats', listOf('format', str)],
    ))],
  ),
};

/** The fields of one service of GET Service List, in spec order (the discovery documents list services too). */
export const SERVICE_FIELDS = [
  ['service_code', str],
  ['service_name', str],
  ['description', strOrNull],
  ['metadata', bool],
  ['type', oneOf(SERVICE_TYPES)],
  ['keywords', strOrNull],
  ['group', strOrNull],
] as const;

export const servicesDocument: DocumentShape = {
  root: 'services',
  shape: listOf('service', object(...SERVICE_FIELDS)),
};

export const serviceDefinitionDocument: DocumentShape = {
  root: 'service_definition',
  shape: object(
    ['service_code', str],
    ['attributes', listOf('attribute', object(
      ['variable', bool],
      ['code', str],
      ['datatype', oneOf(DATATYPES)],
      ['required', bool],
      ['datatype_description', strOrNull],
      ['order', num],
      ['description', str],
      {
        key: 'values',
        shape: listOf('value', object(['key', str], ['name', str])),
        presence: (attribute) => LIST_DATATYPES.has(attribute['datatype']),
      },
    ))],
  ),
};

const requestExtensions = object(
  ['detailed_status', extendedStatus],
  ['media_urls', listOf('media_url', str)],
  ['notes', listOf('note', object(
    ['datetime', str],
    ['type', oneOf(['submitted', 'status_change', 'comment'])],
    ['status', extendedStatus],
    ['description', str],
  ))],
  ['attributes', listOf('attribute', object(['code', str], ['value', stringOrList('values', 'value')]))],
);

export const requestsDocument: DocumentShape = {
  root: 'service_requests',
  shape: listOf('request', object(
    ['service_request_id', str],
    ['status', oneOf(PUBLIC_STATUSES)],
    ['status_notes', strOrNull],
    ['service_name', str],
    ['service_code', str],
    ['description', strOrNull],
    ['agency_responsible', strOrNull],
    ['service_notice', strOrNull],
    ['requested_datetime', str],
    ['updated_datetime', str],
    ['expected_datetime', strOrNull],
    ['address', strOrNull],
    ['address_id', strOrNull],
    ['zipcode', strOrNull],
    ['lat', numOrNull],
    ['long', numOrNull],
    ['media_url', strOrNull],
    { key: 'extended_attributes', shape: requestExtensions, presence: 'ifPresent' },
  )),
};

/** POST requests and GET tokens: the id and token appear only when the receipt holds them (service type rules). */
export const receiptsDocument: DocumentShape = {
  root: 'service_requests',
  shape: listOf('request', object(
    { key: 'service_request_id', shape: strOrNull, presence: 'ifPresent' },
    { key: 'token', shape: strOrNull, presence: 'ifPresent' },
    ['service_notice', strOrNull],
    ['account_id', strOrNull],
  )),
};

export const updatesDocument: DocumentShape = {
  root: 'service_request_updates',
  shape: listOf('request_update', object(
    ['update_id', str],
    ['service_request_id', str],
    ['status', extendedStatus],
    ['updated_datetime', str],
    ['description', str],
    ['media_url', strOrNull],
  )),
};

export const errorsDocument: DocumentShape = {
  root: 'errors',
  shape: listOf('error', object(['code', num], ['description', str])),
};
