/** Form fields for a test POST: answers to a definition's required attributes. */
import { formatDateTime, type Attribute } from '@o311/georeport';

/** Ordered name/value pairs; a name may repeat (`attribute[CODE][]`). */
export type FormFields = [string, string][];

export type Answers = { ok: true; fields: FormFields } | { ok: false; reason: string };

/** One plausible answer per datatype: first list key, 1, now, 'test'. */
function answer(attribute: Attribute, now: number): FormFields | string {
  const name = `attribute[${attribute.code}]`;
  switch (attribute.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist': {
      const key = attribute.values?.[0]?.key;
      if (key === undefined) return `required list attribute '${attribute.code}' has no values to choose from`;
      return attribute.datatype === 'multivaluelist' ? [[`${name}[]`, key]] : [[name, key]];
    }
    case 'number':
      return [[name, '1']];
    case 'datetime':
      return [[name, formatDateTime(now, 'UTC')]];
    case 'string':
    case 'text':
      return [[name, 'test']];
  }
}

/** Answers every required input attribute (display-only ones, `variable=false`, take no input). */
export function requiredAnswers(attributes: readonly Attribute[], now: number): Answers {
  const fields: FormFields = [];
  for (const a of attributes) {
    if (!a.required || !a.variable) continue;
    const got = answer(a, now);
    if (typeof got === 'string') return { ok: false, reason: got };
    fields.push(...got);
  }
  return { ok: true, fields };
}

export const encodeForm = (fields: FormFields): string => new URLSearchParams(fields).toString();
