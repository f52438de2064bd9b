/** The attributes of a raw service definition, in either the current or the older form. */
import { entriesOf, member, objectsIn, type RawObject } from '../../raw/value.js';

/** `attributes: [...]` (XML `<attributes><attribute>`), or `<attribute>` straight under the root. */
export function attributesOf(definition: RawObject): RawObject[] {
  const wrapped = member(definition, 'attributes');
  return objectsIn(entriesOf(wrapped !== undefined ? wrapped : member(definition, 'attribute'), 'attribute'));
}

/** `values: [...]` of a list attribute (XML `<values><value><key/><name/></value>`). */
export const valuesOf = (attribute: RawObject): RawObject[] => objectsIn(entriesOf(member(attribute, 'values'), 'value'));
