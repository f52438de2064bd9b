/** XML element tree → {@link RawValue}, following the spec's Spark mapping. */
import type { RawObject, RawValue } from './value.js';
import type { XmlElement } from './xml-parser.js';

/** Containers whose children are list items in GeoReport v2 documents (and their extensions). */
export const LIST_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
  service_request_updates: 'request_update',
  media_urls: 'media_url',
  notes: 'note',
};

export function xmlToValue(el: XmlElement): RawValue {
  if (el.children.length === 0) {
    if (Object.hasOwn(LIST_ITEMS, el.name) && el.text.trim() === '') return [];
    return el.text === '' ? null : el.text;
  }
  if (Object.hasOwn(LIST_ITEMS, el.name)) return el.children.map(xmlToValue);
  // Repeated sibling names (an old-form <attribute> list, say) become arrays.
  const groups = new Map<string, RawValue[]>();
  for (const child of el.children) {
    const group = groups.get(child.name);
    if (group === undefined) groups.set(child.name, [xmlToValue(child)]);
    else group.push(xmlToValue(child));
  }
  const out: RawObject = {};
  for (const [name, values] of groups) out[name] = values.length === 1 ? (values[0] ?? null) : values;
  return out;
}
