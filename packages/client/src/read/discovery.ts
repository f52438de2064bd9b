/** Service discovery: `<discovery>` with `<endpoints><endpoint>…<formats><format>`. */
import type { Discovery, DiscoveryEndpoint, Format } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { readObjectDocument } from './document.js';
import type { ObjectFrame } from './framing.js';
import { nestedList } from './framing.js';
import type { FieldReader } from './record.js';
import { defineRecord, listField } from './record.js';
import { oneOf, text } from './scalars.js';
import { hasAnyOf } from './tree.js';

/** `<formats><format>text/xml</format>…` / `["text/xml", …]`: blank and non-text entries are dropped. */
const formats: FieldReader<string[]> = {
  read(rec, field) {
    const items = nestedList(rec.ctx, rec.raw(field), 'format', rec.path, field);
    if (items === undefined) {
      rec.warn('missing-field', field, undefined, 'an empty list');
      return [];
    }
    const out: string[] = [];
    for (const item of items) {
      const format = typeof item === 'string' ? item.trim() : '';
      if (format === '') rec.warn('invalid-value', field, item, 'the entry was dropped');
      else {
        if (format !== item) rec.warn('padded-value', field, item);
        out.push(format);
      }
    }
    return out;
  },
};

const ENDPOINT = defineRecord({
  specification: text({ fallback: '', requireValue: true }),
  url: text({ fallback: '', requireValue: true }),
  changeset: text({ fallback: '', requireValue: true }),
  type: oneOf(['production', 'test'], { fallback: 'test' }),
  formats,
});

const DISCOVERY = defineRecord({
  changeset: text({ fallback: '', requireValue: true }),
  contact: text({ fallback: '', requireValue: true }),
  key_service: text({ fallback: '', requireValue: true }),
  endpoints: listField('endpoint', 'endpoint', (rec): DiscoveryEndpoint => ENDPOINT.read(rec)),
});

const FRAME: ObjectFrame = { root: 'discovery', isDocument: hasAnyOf(['endpoints', 'changeset', 'contact']) };

export function readDiscovery(body: string, format: Format, options?: ReadOptions): Read<Discovery> {
  return readObjectDocument(body, format, options, FRAME, (rec): Discovery => DISCOVERY.read(rec));
}
