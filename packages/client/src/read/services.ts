/** GET services: `<services><service>…` / `[{…}]`. */
import type { Format, Service } from '@o311/georeport';
import { SERVICE_TYPES } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { readListDocument } from './document.js';
import type { ListFrame } from './framing.js';
import { defineRecord } from './record.js';
import { boolean, oneOf, text } from './scalars.js';
import { hasAnyOf } from './tree.js';

const SERVICE = defineRecord({
  service_code: text({ fallback: '', requireValue: true }),
  service_name: text({ fallback: '', requireValue: true }),
  description: text({ fallback: null }),
  metadata: boolean({ fallback: false }),
  type: oneOf(SERVICE_TYPES, { fallback: 'realtime' }),
  keywords: text({ fallback: null }),
  group: text({ fallback: null }),
});

const FRAME: ListFrame = {
  root: 'services',
  item: 'service',
  aliases: [],
  isItem: hasAnyOf(['service_code', 'service_name']),
};

export function readServices(body: string, format: Format, options?: ReadOptions): Read<Service[]> {
  return readListDocument(body, format, options, FRAME, 'service', (rec): Service => SERVICE.read(rec));
}
