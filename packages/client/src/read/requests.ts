/** GET requests and GET requests/{id}: `<service_requests><request>…` / `[{…}]` → ClientRequest. */
import type { Format } from '@o311/georeport';
import { PUBLIC_STATUSES } from '@o311/georeport';
import type { ClientRequest, ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { settleCoordinates } from './coordinates.js';
import { dateTime } from './dates.js';
import { readListDocument } from './document.js';
import type { ListFrame } from './framing.js';
import type { FieldReader } from './record.js';
import { defineRecord } from './record.js';
import { number, text } from './scalars.js';
import { hasAnyOf, isNodeObject } from './tree.js';

const PUBLIC: ReadonlySet<string> = new Set(PUBLIC_STATUSES);

/** Lower-cased; anything but open/closed (FMS and CitySDK states) is kept with a warning. */
const status: FieldReader<string> = (() => {
  const raw = text({ fallback: '', requireValue: true });
  return {
    read(rec, field) {
      const sent = raw.read(rec, field);
      const lower = sent.toLowerCase();
      if (lower !== sent) rec.warn('case-normalised', field, sent, JSON.stringify(lower));
      if (lower !== '' && !PUBLIC.has(lower)) rec.warn('unknown-status', field, lower);
      return lower;
    },
  };
})();

/** San Francisco writes 0 for an unknown zipcode; no postal code is 0, so it is read as null. */
const zipcode: FieldReader<string | null> = (() => {
  const raw = text({ fallback: null });
  return {
    read(rec, field) {
      const zip = raw.read(rec, field);
      if (zip === '0') {
        rec.warn('zero-zipcode', field);
        return null;
      }
      return zip;
    },
  };
})();

/** Extension payload kept as sent (an XML one as the generic tree); not an object → left out. */
const extendedAttributes: FieldReader<Record<string, unknown> | undefined> = {
  read(rec, field) {
    const raw = rec.raw(field);
    if (raw === undefined || raw === null) return undefined;
    if (isNodeObject(raw)) return raw;
    rec.warn('invalid-value', field, raw, 'left out');
    return undefined;
  },
};

const REQUEST = defineRecord({
  service_request_id: text({ fallback: null, requireValue: true }),
  status,
  status_notes: text({ fallback: null, absent: 'quiet' }),
  service_name: text({ fallback: null, requireValue: true }),
  service_code: text({ fallback: null, requireValue: true }),
  description: text({ fallback: null }),
  agency_responsible: text({ fallback: null, absent: 'quiet' }),
  service_notice: text({ fallback: null, absent: 'quiet' }),
  requested_datetime: dateTime({ fallback: null, requireValue: true }),
  updated_datetime: dateTime({ fallback: null, requireValue: true }),
  expected_datetime: dateTime({ fallback: null, absent: 'quiet' }),
  address: text({ fallback: null }),
  address_id: text({ fallback: null }),
  zipcode,
  lat: number({ fallback: null }),
  long: number({ fallback: null }),
  media_url: text({ fallback: null }),
  extended_attributes: extendedAttributes,
});

export const REQUESTS_FRAME: ListFrame = {
  root: 'service_requests',
  item: 'request',
  aliases: ['requests'],
  isItem: hasAnyOf(['service_request_id', 'token', 'status', 'service_code']),
};

export function readRequests(body: string, format: Format, options?: ReadOptions): Read<ClientRequest[]> {
  return readListDocument(body, format, options, REQUESTS_FRAME, 'request', (rec): ClientRequest => {
    const request: ClientRequest = REQUEST.read(rec);
    const point = settleCoordinates(rec, request.lat, request.long);
    request.lat = point.lat;
    request.long = point.long;
    return request;
  });
}
