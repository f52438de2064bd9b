/** One request cut out of a saved GeoReport list: the spec's one-element list for `requests/{id}` (digest §9). */
import type { Format } from './georeport-route.js';
import { isObject, type Json } from './rewrite.js';

function fromJson(list: string, id: string): string | undefined {
  const doc = JSON.parse(list) as Json;
  if (!Array.isArray(doc)) return undefined;
  const found = doc.find((r) => isObject(r) && String(r.service_request_id) === id);
  return found === undefined ? undefined : JSON.stringify([found]);
}

function fromXml(list: string, id: string): string | undefined {
  const first = list.indexOf('<request>');
  const last = list.lastIndexOf('</request>');
  if (first < 0 || last < 0) return undefined;
  const requests = list.slice(first, last + '</request>'.length).match(/<request>[\s\S]*?<\/request>/g) ?? [];
  const found = requests.find((r) => new RegExp(`<service_request_id>\\s*${id.replace(/\W/g, '\\$&')}\\s*</service_request_id>`).test(r));
  return found === undefined ? undefined : `${list.slice(0, first)}${found}${list.slice(last + '</request>'.length)}`;
}

/** The list document reduced to the request with that id, keeping the server's own framing; undefined when absent. */
export const singleRequest = (list: string, format: Format, id: string): string | undefined =>
  format === 'json' ? fromJson(list, id) : fromXml(list, id);
