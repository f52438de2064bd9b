/**
 * GET services/{code}: `<service_definition><service_code/><attributes><attribute>…`,
 * also in the older form with `<attribute>` straight under `<service_definition>`.
 */
import type { Attribute, AttributeValue, Format, ServiceDefinition } from '@o311/georeport';
import { DATATYPES } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { readObjectDocument } from './document.js';
import type { ObjectFrame } from './framing.js';
import { nestedList } from './framing.js';
import type { FieldReader, RecordReader } from './record.js';
import { defineRecord, optionalListField, readItems } from './record.js';
import { boolean, number, oneOf, text } from './scalars.js';
import { asArray, hasAnyOf } from './tree.js';

const LIST_DATATYPES: ReadonlySet<string> = new Set(['singlevaluelist', 'multivaluelist']);

const VALUE = defineRecord({
  key: text({ fallback: '', requireValue: true }),
  name: text({ fallback: '' }),
});

const ATTRIBUTE = defineRecord({
  variable: boolean({ fallback: true }),
  code: text({ fallback: '', requireValue: true }),
  datatype: oneOf(DATATYPES, { fallback: 'string' }),
  required: boolean({ fallback: false }),
  datatype_description: text({ fallback: null }),
  order: number({ fallback: null, requireValue: true, shown: 'its position in the list' }),
  description: text({ fallback: '' }),
  values: optionalListField('value', 'value', (rec): AttributeValue => VALUE.read(rec)),
});

function readAttribute(rec: RecordReader, index: number): Attribute {
  const read = ATTRIBUTE.read(rec);
  const attribute: Attribute = { ...read, order: read.order ?? index + 1 };
  if (attribute.values === undefined && LIST_DATATYPES.has(attribute.datatype)) {
    rec.warn('missing-field', 'values', undefined, 'an empty list');
    attribute.values = [];
  }
  return attribute;
}

const attributes: FieldReader<Attribute[]> = {
  read(rec, field) {
    const raw = rec.raw(field);
    const old = raw === undefined ? rec.raw('attribute') : undefined;
    if (old !== undefined) rec.warn('old-definition-form', field);
    const items = old === undefined ? nestedList(rec.ctx, raw, 'attribute', rec.path, field) : asArray(old);
    if (items === undefined) {
      rec.warn('missing-field', field, undefined, 'an empty list');
      return [];
    }
    return readItems(rec.ctx, items, `${rec.path}.${field}`, 'attribute', readAttribute);
  },
};

const DEFINITION = defineRecord(
  { service_code: text({ fallback: '', requireValue: true }), attributes },
  ['attribute'],
);

const FRAME: ObjectFrame = {
  root: 'service_definition',
  isDocument: hasAnyOf(['service_code', 'attributes', 'attribute']),
};

export function readServiceDefinition(body: string, format: Format, options?: ReadOptions): Read<ServiceDefinition> {
  return readObjectDocument(body, format, options, FRAME, (rec): ServiceDefinition => DEFINITION.read(rec));
}
