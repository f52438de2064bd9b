/** mySociety GET servicerequestupdates: `<service_request_updates><request_update>…`. */
import type { ExtendedStatus, Format, RequestUpdate } from '@o311/georeport';
import { EXTENDED_STATUSES } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { dateTime } from './dates.js';
import { readListDocument } from './document.js';
import type { ListFrame } from './framing.js';
import type { FieldReader } from './record.js';
import { defineRecord } from './record.js';
import { text } from './scalars.js';
import { hasAnyOf } from './tree.js';

const isExtendedStatus = (s: string): s is ExtendedStatus => Object.hasOwn(EXTENDED_STATUSES, s);
const SEPARATORS = /[ -]/g;
/** What an update whose status cannot be read is taken to mean. */
const UNREADABLE_STATUS: ExtendedStatus = 'unchanged';

/** FMS compares statuses case-insensitively with `_` as a space; the model needs one of its states. */
const status: FieldReader<ExtendedStatus> = (() => {
  const raw = text({ fallback: '', requireValue: true });
  return {
    read(rec, field) {
      const sent = raw.read(rec, field);
      if (sent === '') return UNREADABLE_STATUS;
      const normal = sent.toLowerCase().replace(SEPARATORS, '_');
      if (!isExtendedStatus(normal)) {
        rec.warn('unknown-value', field, sent, `"${UNREADABLE_STATUS}" (not an FMS state)`);
        return UNREADABLE_STATUS;
      }
      if (normal !== sent) rec.warn('case-normalised', field, sent, JSON.stringify(normal));
      return normal;
    },
  };
})();

const UPDATE = defineRecord(
  {
    update_id: text({ fallback: '', requireValue: true }),
    service_request_id: text({ fallback: '', requireValue: true }),
    status,
    updated_datetime: dateTime({ fallback: '', requireValue: true }),
    description: text({ fallback: '' }),
    media_url: text({ fallback: null, absent: 'quiet' }),
  },
  // Optional FMS members the model does not carry.
  ['external_status_code', 'customer_reference', 'fixmystreet_id', 'extras', 'account_id'],
);

const FRAME: ListFrame = {
  root: 'service_request_updates',
  item: 'request_update',
  aliases: ['request_updates', 'updates'],
  isItem: hasAnyOf(['update_id', 'service_request_id']),
};

export function readUpdates(body: string, format: Format, options?: ReadOptions): Read<RequestUpdate[]> {
  return readListDocument(body, format, options, FRAME, 'update', (rec): RequestUpdate => UPDATE.read(rec));
}
