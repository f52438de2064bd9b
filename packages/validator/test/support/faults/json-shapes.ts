/** Faults of JSON typing and framing (digest §1.1 "Typing", §13.6). */
import type { Fault } from '../fault.js';
import { eachObject, isObject, mapFields, mapJson, type Json } from '../rewrite.js';
import { isOneOf, REQUEST_LISTS } from './scope.js';

const asNumber = (v: Json): Json => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
const asString = (v: Json): Json => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v);

export const numericIds: Fault = {
  name: 'numeric-ids',
  description: 'JSON service_request_id values are numbers',
  expectedCheck: 'requests-json-ids',
  response: (a, route) => (isOneOf(route, [...REQUEST_LISTS, 'submit', 'token']) ? mapJson(a, eachObject(mapFields(['service_request_id'], asNumber))) : a),
};

export const metadataAsString: Fault = {
  name: 'metadata-as-string',
  description: 'JSON services say "metadata":"true"',
  expectedCheck: 'services-metadata-boolean',
  response: (a, route) => (isOneOf(route, ['services']) ? mapJson(a, eachObject(mapFields(['metadata'], asString))) : a),
};

export const coordinatesAsStrings: Fault = {
  name: 'coordinates-as-strings',
  description: 'JSON lat/long are strings ("41.6")',
  expectedCheck: 'requests-json-types',
  response: (a, route) => (isOneOf(route, REQUEST_LISTS) ? mapJson(a, eachObject(mapFields(['lat', 'long'], asString))) : a),
};

export const wrappedLists: Fault = {
  name: 'wrapped-lists',
  description: 'JSON lists come as objects: {"services":[…]}, {"service_requests":[…]} (FMS)',
  expectedCheck: 'services-json',
  alsoCaughtBy: ['requests-json'],
  response: (a, route) => {
    if (a.status !== 200) return a;
    if (route.resource === 'services') return mapJson(a, (doc) => ({ services: doc }));
    if (route.resource === 'requests') return mapJson(a, (doc) => ({ service_requests: doc }));
    return a;
  },
};

export const bareSingleRequest: Fault = {
  name: 'bare-single-request',
  description: 'requests/{id}.json is the request object, not a one-element list (Helsinki)',
  expectedCheck: 'request-single-json',
  response: (a, route) =>
    route.resource === 'request' && a.status === 200 ? mapJson(a, (doc) => (Array.isArray(doc) && isObject(doc[0]) ? doc[0] : doc)) : a,
};
