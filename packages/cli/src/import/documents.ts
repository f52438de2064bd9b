/**
 * GeoReport request documents (JSON and XML) as import rows. Tolerant where
 * real files differ: a bare array or one wrapped in `service_requests` (or
 * `requests`), numbers for ids and coordinates, empty elements, `xsi:nil`,
 * an extended status in `extended_attributes.detailed_status`.
 *
 * Why not @o311/georeport's decodeRequests: it reads o311's own strict output
 * (public status only, every field present) and names problems by path; an
 * import must also take extended statuses and sparse records from other
 * systems, checked by the same rules and messages as CSV rows.
 */
import { XMLParser } from 'fast-xml-parser';
import { CliError } from '../errors.js';
import { FIELDS } from './rows.js';

/** One record: its field texts in FIELDS order, plus an extended status when the document carries one. */
export interface DocumentRecord {
  values: (string | undefined)[];
  detailed_status?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of a scalar as it appears in a document; objects (nested elements) count as absent. */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isRecord(v) && typeof v['#text'] === 'string') return v['#text'];
  return undefined;
}

function toRecord(item: unknown, index: number, kind: string): DocumentRecord {
  if (!isRecord(item)) throw new CliError(`${kind} ${index + 1}: expected an object with GeoReport request fields`);
  const values = FIELDS.map((f) => textOf(item[f]));
  const ext = item.extended_attributes;
  const detailed = isRecord(ext) ? textOf(ext.detailed_status) : undefined;
  return detailed === undefined ? { values } : { values, detailed_status: detailed };
}

function unwrap(parsed: unknown): unknown {
  if (!isRecord(parsed)) return parsed;
  for (const key of ['service_requests', 'requests']) {
    if (key in parsed) return parsed[key];
  }
  return parsed;
}

/** GeoReport JSON: `[{…}, …]`, `{"service_requests": […]}`, or a single request object. */
export function readJsonRequests(body: string): DocumentRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new CliError(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list = unwrap(parsed);
  if (Array.isArray(list)) return list.map((item, i) => toRecord(item, i, 'record'));
  if (isRecord(list) && 'service_code' in list) return [toRecord(list, 0, 'record')];
  throw new CliError('expected a JSON array of requests or {"service_requests": [...]}');
}

const xml = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  isArray: (_name, jpath) => jpath === 'service_requests.request' || jpath === 'requests.request',
});

/** GeoReport XML: `<service_requests><request>…</request>…</service_requests>` (or a `<requests>` root). */
export function readXmlRequests(body: string): DocumentRecord[] {
  let parsed: unknown;
  try {
    parsed = xml.parse(body, true);
  } catch (e) {
    throw new CliError(`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(parsed) || !('service_requests' in parsed || 'requests' in parsed)) {
    throw new CliError('expected an XML document with a <service_requests> root');
  }
  const root = unwrap(parsed);
  if (root === '' || root === undefined || root === null) return [];
  if (!isRecord(root)) throw new CliError('<service_requests> must contain <request> elements');
  const items = root.request;
  if (items === undefined) return [];
  return (Array.isArray(items) ? items : [items]).map((item, i) => toRecord(item === '' ? {} : item, i, 'request'));
}
