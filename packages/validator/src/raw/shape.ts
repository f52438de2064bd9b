/**
 * Where the data sits in a document: the spec's root and item names (XML) and
 * top-level array or object (JSON). Extraction is best effort — a wrapped or
 * misnamed document still yields its items — and every deviation is listed, so
 * one shape fault is reported once (by the shape check) instead of by every
 * field check after it.
 */
import type { RawDocument } from './document.js';
import { isRawObject, type RawObject, type RawValue } from './value.js';

export interface DocShape {
  /** XML root element, and the JSON wrapper key some servers add. */
  root: string;
  /** XML list item element; null for single-object documents (discovery, service definition). */
  item: string | null;
}

export interface Extracted {
  /** List documents: the item objects. Object documents: the one object (when found). */
  items: RawObject[];
  problems: string[];
}

export function extract(doc: RawDocument, shape: DocShape): Extracted {
  const problems: string[] = [];
  const data = doc.format === 'xml' ? fromXml(doc, shape, problems) : fromJson(doc.value, shape, problems);
  const items: RawObject[] = [];
  data.forEach((v, i) => {
    if (isRawObject(v)) items.push(v);
    else problems.push(`item ${i} is ${JSON.stringify(v)}, not an object`);
  });
  return { items, problems };
}

function fromXml(doc: RawDocument, shape: DocShape, problems: string[]): RawValue[] {
  if (doc.root !== shape.root) problems.push(`root element is <${doc.root ?? ''}>, expected <${shape.root}>`);
  const { item } = shape;
  if (item === null) return [isRawObject(doc.value) ? doc.value : {}];
  const foreign = new Set((doc.xml?.root.children ?? []).map((c) => c.name).filter((n) => n !== item));
  if (foreign.size > 0) problems.push(`<${doc.root ?? ''}> holds ${[...foreign].map((n) => `<${n}>`).join(', ')}, expected only <${item}>`);
  if (Array.isArray(doc.value)) return doc.value;
  // A root the mapping does not know as a list (e.g. <requests>): take its item children.
  const found = isRawObject(doc.value) ? doc.value[item] : undefined;
  if (found === undefined) return [];
  return Array.isArray(found) ? found : [found];
}

function fromJson(value: RawValue, shape: DocShape, problems: string[]): RawValue[] {
  const list = shape.item !== null;
  if (list && Array.isArray(value)) return value;
  if (!list && isRawObject(value) && !isWrapper(value, shape)) return [value];
  if (isRawObject(value) && isWrapper(value, shape)) {
    const inner = value[shape.root] ?? null;
    problems.push(`wrapped in an object {"${shape.root}": …}; the spec's JSON drops the root`);
    return fromJson(inner, shape, []);
  }
  if (list && isRawObject(value)) {
    problems.push('a single object where a top-level array is expected');
    return [value];
  }
  if (!list && Array.isArray(value)) {
    problems.push('an array where a single object is expected');
    return value.slice(0, 1);
  }
  problems.push(`top-level value is ${JSON.stringify(value)?.slice(0, 40)}, expected ${list ? 'an array' : 'an object'}`);
  return [];
}

const isWrapper = (o: RawObject, shape: DocShape): boolean => {
  const keys = Object.keys(o);
  return keys.length === 1 && keys[0] === shape.root;
};
