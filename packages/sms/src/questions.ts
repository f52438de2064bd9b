/**
 * The service's required questions, asked one per SMS, and the answers read
 * back into the values GeoReport expects (`attribute[CODE]`). Optional
 * questions are not asked: an SMS conversation stays short.
 */
import type { Attribute, Datatype } from '@o311/georeport';
import { folded } from './keywords.js';
import type { SmsTexts } from './texts.js';

export interface Question {
  code: string;
  datatype: Datatype;
  /** In the conversation's language. */
  text: string;
  values: readonly { key: string; name: string }[];
}

/** The most characters of a free-text answer. */
const MAX_ANSWER = 400;

export const numbered = (names: readonly string[]): string => names.map((n, i) => `${i + 1} ${n}`).join('\n');

export function ask(q: Question, t: SmsTexts): string {
  const list = numbered(q.values.map((v) => v.name));
  switch (q.datatype) {
    case 'singlevaluelist':
      return t('askList', { question: q.text, list });
    case 'multivaluelist':
      return t('askMany', { question: q.text, list });
    case 'number':
      return t('askNumber', { question: q.text });
    case 'datetime':
      return t('askDate', { question: q.text });
    default:
      return t('askValue', { question: q.text });
  }
}

function pick(q: Question, word: string): string | undefined {
  const n = Number(word);
  if (Number.isInteger(n) && n >= 1 && n <= q.values.length) return q.values[n - 1]?.key;
  const name = folded(word);
  return q.values.find((v) => folded(v.name) === name || folded(v.key) === name)?.key;
}

/** The values of an answer, or undefined when it does not answer the question. */
export function answer(q: Question, text: string): string[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_ANSWER) return undefined;
  switch (q.datatype) {
    case 'singlevaluelist': {
      const key = pick(q, trimmed);
      return key === undefined ? undefined : [key];
    }
    case 'multivaluelist': {
      const keys = trimmed.split(/[\s,;]+/).map((w) => pick(q, w));
      return keys.length > 0 && keys.every((k) => k !== undefined) ? [...new Set(keys as string[])] : undefined;
    }
    case 'number': {
      const n = trimmed.replace(',', '.');
      return /^-?\d{1,12}(\.\d{1,6})?$/.test(n) ? [n] : undefined;
    }
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? [trimmed] : undefined;
    default:
      return [trimmed];
  }
}

/** The required questions of a service definition, in the language of `translation` when it has them. */
export function questionsOf(
  attributes: readonly Attribute[],
  translation: { attributes?: Record<string, { description?: string; values?: Record<string, string> }> } | undefined,
): Question[] {
  return attributes
    .filter((a) => a.required && a.variable)
    .sort((a, b) => a.order - b.order)
    .map((a) => {
      const tr = translation?.attributes?.[a.code];
      return {
        code: a.code,
        datatype: a.datatype,
        text: tr?.description ?? a.description,
        values: (a.values ?? []).map((v) => ({ key: v.key, name: tr?.values?.[v.key] ?? v.name })),
      };
    });
}
