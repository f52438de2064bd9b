/**
 * One import row (a CSV record, a JSON object, an XML <request>) checked and
 * turned into an ImportedRequest. Fields are GeoReport's request field names;
 * every problem is reported with where the row is (`line 12`, `record 3`).
 */
import { EXTENDED_STATUSES, type ExtendedStatus } from '@o311/georeport';
import type { ImportedRequest, Reporter } from '@o311/store';
import { parseDateTime } from './dates.js';

/** The fields an import reads, in this order (the index of each is its column slot). */
export const FIELDS = [
  'service_request_id', 'service_code', 'service_name', 'status', 'status_notes', 'description',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode',
  'lat', 'long', 'media_url', 'agency_responsible',
] as const;
export type FieldName = (typeof FIELDS)[number];

const enum F {
  service_request_id, service_code, service_name, status, status_notes, description,
  requested_datetime, updated_datetime, expected_datetime, address, address_id, zipcode,
  lat, long, media_url, agency_responsible,
}

/** Other names seen in real exports for the same fields. */
const ALIASES: Readonly<Record<string, FieldName>> = {
  address_string: 'address',
  lon: 'long',
  lng: 'long',
  longitude: 'long',
  latitude: 'lat',
  zip: 'zipcode',
  zip_code: 'zipcode',
};

export const MAX_DESCRIPTION = 4000;

/** A row that cannot be imported. `where` is `line 12` or `record 3 (service_request_id 123)`. */
export class RowError extends Error {
  readonly where: string;

  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'RowError';
    this.where = where;
  }
}

/** The GeoReport field a column header names, or undefined. Case and surrounding blanks are ignored. */
export function fieldOf(header: string): FieldName | undefined {
  const name = header.trim().toLowerCase();
  if ((FIELDS as readonly string[]).includes(name)) return name as FieldName;
  return ALIASES[name];
}

/** Column index of each field (-1 when absent), from a header row; and the columns that mean nothing to us. */
export function columnsOf(headers: readonly string[]): { columns: Int32Array; ignored: string[]; duplicated: string[] } {
  const columns = new Int32Array(FIELDS.length).fill(-1);
  const ignored: string[] = [];
  const duplicated: string[] = [];
  headers.forEach((h, i) => {
    const field = fieldOf(h);
    if (field === undefined) {
      if (h.trim() !== '') ignored.push(h.trim());
      return;
    }
    const slot = FIELDS.indexOf(field);
    if ((columns[slot] ?? -1) >= 0) duplicated.push(h.trim());
    else columns[slot] = i;
  });
  return { columns, ignored, duplicated };
}

/** The same column index for every field: for values already laid out in FIELDS order. */
export const IDENTITY_COLUMNS: Int32Array = Int32Array.from(FIELDS, (_, i) => i);

const NO_REPORTER: Reporter = Object.freeze({
  email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null,
});
const NO_ATTRIBUTES: Record<string, string | string[]> = Object.freeze({}) as Record<string, string | string[]>;

const isStatus = (s: string): s is ExtendedStatus => Object.hasOwn(EXTENDED_STATUSES, s);
const HTTP_URL = /^https?:\/\/\S+$/i;
const STATUS_HINT = 'open, closed or an extended status such as in_progress, fixed, duplicate';
const DATE_HINT = 'a W3C datetime with a timezone, e.g. 2025-03-01T09:30:00-06:00 or 2025-03-01T15:30:00Z';

export class RowMapper {
  readonly #jurisdiction_id: string;
  readonly #label: string;
  // The row being mapped (fields instead of closures: no allocation per row beyond the result).
  #values: readonly (string | undefined)[] = [];
  #columns: Int32Array = IDENTITY_COLUMNS;
  #position = 0;

  /** `label` names a row in messages: `line` for CSV, `record` for JSON and XML. */
  constructor(jurisdiction_id: string, label: 'line' | 'record') {
    this.#jurisdiction_id = jurisdiction_id;
    this.#label = label;
  }

  /**
   * Checks one row and builds its ImportedRequest. `values[columns[field]]` is
   * the field's text ('' or undefined = absent). Throws RowError naming the
   * row (`position`) and the problem. `statusOverride` (e.g. a JSON record's
   * `detailed_status`) wins over the `status` field.
   */
  map(values: readonly (string | undefined)[], columns: Int32Array, position: number, statusOverride?: string): ImportedRequest {
    this.#values = values;
    this.#columns = columns;
    this.#position = position;
    this.#refuseNul();

    const service_code = this.#text(F.service_code);
    if (service_code === null) this.#fail('service_code is missing');

    let status: ExtendedStatus = 'open';
    const rawStatus = statusOverride !== undefined && statusOverride.trim() !== '' ? statusOverride.trim() : this.#text(F.status);
    if (rawStatus !== null) {
      if (isStatus(rawStatus)) status = rawStatus;
      else {
        const normal = rawStatus.toLowerCase().replace(/[\s-]+/g, '_');
        if (!isStatus(normal)) this.#fail(`status '${rawStatus}' is not ${STATUS_HINT}`);
        status = normal as ExtendedStatus;
      }
    }

    const requested_at = this.#date(F.requested_datetime, 'requested_datetime');
    if (requested_at === null) this.#fail('requested_datetime is missing');
    const requested = requested_at as number;
    const updated_at = this.#date(F.updated_datetime, 'updated_datetime') ?? requested;
    if (updated_at < requested) this.#fail('updated_datetime is before requested_datetime');
    const expected_at = this.#date(F.expected_datetime, 'expected_datetime');

    let lat = this.#coordinate(F.lat, 'lat', 90);
    let long = this.#coordinate(F.long, 'long', 180);
    if ((lat === null) !== (long === null)) this.#fail(lat === null ? 'long is given without lat' : 'lat is given without long');
    // 0,0 is how several real servers write "no location".
    if (lat === 0 && long === 0) { lat = null; long = null; }

    const rawDescription = this.#get(F.description);
    const description = rawDescription === '' || rawDescription.trim() === '' ? null : rawDescription;
    if (description !== null && description.length > MAX_DESCRIPTION) {
      this.#fail(`description has ${description.length} characters; at most ${MAX_DESCRIPTION} are allowed`);
    }
    const media_url = this.#text(F.media_url);
    if (media_url !== null && !HTTP_URL.test(media_url)) this.#fail(`media_url '${media_url}' is not an http(s) URL`);

    const row: ImportedRequest = {
      jurisdiction_id: this.#jurisdiction_id,
      service_code: service_code as string,
      status,
      status_notes: this.#text(F.status_notes),
      description,
      requested_at: requested,
      updated_at,
      expected_at,
      address: this.#text(F.address),
      address_id: this.#text(F.address_id),
      zipcode: this.#text(F.zipcode),
      lat,
      long,
      media_url,
      agency_responsible: this.#text(F.agency_responsible),
      attributes: NO_ATTRIBUTES,
      reporter: NO_REPORTER,
    };
    const service_name = this.#text(F.service_name);
    if (service_name !== null) row.service_name = service_name;
    return row;
  }

  /**
   * The bulk path writes past the store's statement guard, so a NUL is caught
   * here: PostgreSQL cannot store it, and on SQLite it would break every XML answer.
   */
  #refuseNul(): void {
    for (let f = 0; f < FIELDS.length; f++) {
      if (this.#get(f).includes('\0')) this.#fail(`${FIELDS[f]} holds the NUL character (U+0000), which no answer may carry`);
    }
  }

  #get(f: F): string {
    const i = this.#columns[f] ?? -1;
    if (i < 0) return '';
    const v = this.#values[i];
    return v === undefined ? '' : v;
  }

  /** Trimmed text; null when empty. */
  #text(f: F): string | null {
    const v = this.#get(f);
    if (v === '') return null;
    const t = v.trim();
    return t === '' ? null : t;
  }

  #date(f: F, name: string): number | null {
    const v = this.#text(f);
    if (v === null) return null;
    const ms = parseDateTime(v);
    if (ms === undefined) this.#fail(`${name} '${v}' is not ${DATE_HINT}`);
    return ms as number;
  }

  #coordinate(f: F, name: string, limit: number): number | null {
    const v = this.#text(f);
    if (v === null) return null;
    const n = Number(v);
    if (!Number.isFinite(n)) this.#fail(`${name} '${v}' is not a number`);
    if (n < -limit || n > limit) this.#fail(`${name} ${v} is outside -${limit}..${limit}`);
    return n;
  }

  #fail(problem: string): never {
    const id = this.#text(F.service_request_id);
    throw new RowError(`${this.#label} ${this.#position}${id ? ` (service_request_id ${id})` : ''}`, problem);
  }
}
