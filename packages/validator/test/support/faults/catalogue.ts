/** Faults of the service list, service definitions and discovery (digest §2, §4, §5). */
import type { Fault } from '../fault.js';
import { eachObject, isObject, mapElements, mapJson, mapXml, removeElements, withoutField, type Json, type JsonObject } from '../rewrite.js';

export const serviceCodeMissing: Fault = {
  name: 'service-code-missing',
  description: 'services in the list have no service_code',
  expectedCheck: 'services-required-fields',
  // Without codes no definition can be fetched, no request posted, and XML/JSON entries cannot be paired.
  alsoCaughtBy: ['definition-available', 'post-realtime-receipt', 'parity-services'],
  response: (a, route) =>
    route.resource === 'services' ? mapXml(mapJson(a, eachObject(withoutField('service_code'))), (xml) => removeElements(xml, 'service_code')) : a,
};

/** Rewrites every attribute object of a JSON definition. */
const eachAttribute = (f: (o: JsonObject) => JsonObject) => (doc: Json): Json => {
  if (!isObject(doc) || !Array.isArray(doc.attributes)) return doc;
  return { ...doc, attributes: doc.attributes.map((x) => (isObject(x) ? f(x) : x)) };
};

/** The same rewrite of attribute leaves in JSON and XML definitions. */
const attributeField = (field: string, f: (text: string) => string): Fault['response'] => (a, route) => {
  if (route.resource !== 'definition' || a.status !== 200) return a;
  const json = mapJson(a, eachAttribute((o) => (field in o ? { ...o, [field]: typeof o[field] === 'number' ? Number(f(String(o[field]))) : f(String(o[field])) } : o)));
  return mapXml(json, (xml) => mapElements(xml, [field], f));
};

export const duplicateAttributeOrder: Fault = {
  name: 'duplicate-attribute-order',
  description: 'every attribute of a definition has order 1',
  expectedCheck: 'definition-order-unique',
  response: attributeField('order', () => '1'),
};

/** Free-text datatypes renamed (any answer still fits them, so POSTs keep working). */
const UNKNOWN_DATATYPES: Readonly<Record<string, string>> = { string: 'line', text: 'textarea' };

export const unknownDatatype: Fault = {
  name: 'unknown-datatype',
  description: 'free-text attributes use datatypes outside the six (line, textarea)',
  expectedCheck: 'definition-datatype',
  response: attributeField('datatype', (d) => UNKNOWN_DATATYPES[d] ?? d),
};

export const definitionCodeMismatch: Fault = {
  name: 'definition-code-mismatch',
  description: 'service definitions echo another service_code',
  expectedCheck: 'definition-service-code',
  response: (a, route) => {
    if (route.resource !== 'definition' || a.status !== 200) return a;
    const other = (code: string): string => `${code}_OTHER`;
    const json = mapJson(a, (doc) => (isObject(doc) && typeof doc.service_code === 'string' ? { ...doc, service_code: other(doc.service_code) } : doc));
    return mapXml(json, (xml) => xml.replace(/<service_definition><service_code>([^<]*)<\/service_code>/, (_m, code: string) => `<service_definition><service_code>${other(code)}</service_code>`));
  },
};

export const discoveryWithoutEndpoints: Fault = {
  name: 'discovery-without-endpoints',
  description: 'discovery lists no endpoints',
  expectedCheck: 'discovery-endpoints',
  // No endpoint, no base URL: nothing past discovery can be reached.
  alsoCaughtBy: ['discovery-v2-endpoint', 'http-reachable'],
  response: (a, route) => {
    if (route.resource !== 'discovery') return a;
    const json = mapJson(a, (doc) => (isObject(doc) ? { ...doc, endpoints: [] } : doc));
    return mapXml(json, (xml) => xml.replace(/<endpoints>[\s\S]*<\/endpoints>/, '<endpoints></endpoints>'));
  },
};
