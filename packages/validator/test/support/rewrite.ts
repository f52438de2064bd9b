/**
 * Body rewrites for the faults: JSON through parse → transform → stringify,
 * XML (o311 writes it compact, one element per tag, no whitespace) through
 * small element-level string edits.
 */
import { isJsonAnswer, isXmlAnswer, textOf, withText, type FrontAnswer } from './exchange.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function mapJson(a: FrontAnswer, f: (doc: Json) => Json): FrontAnswer {
  if (!isJsonAnswer(a)) return a;
  return withText(a, JSON.stringify(f(JSON.parse(textOf(a)) as Json)));
}

export function mapXml(a: FrontAnswer, f: (xml: string) => string): FrontAnswer {
  if (!isXmlAnswer(a)) return a;
  return withText(a, f(textOf(a)));
}

/** Applies `f` to every object of a top-level list (or to the top-level object). */
export const eachObject = (f: (o: JsonObject) => JsonObject) => (doc: Json): Json => {
  if (Array.isArray(doc)) return doc.map((x) => (isObject(x) ? f(x) : x));
  return isObject(doc) ? f(doc) : doc;
};

/** Rewrites the listed fields of an object that has them. */
export const mapFields = (fields: readonly string[], f: (value: Json, field: string) => Json) => (o: JsonObject): JsonObject => {
  const out: JsonObject = { ...o };
  for (const field of fields) if (field in out) out[field] = f(out[field] ?? null, field);
  return out;
};

export const withoutField = (field: string) => (o: JsonObject): JsonObject => {
  const { [field]: _dropped, ...rest } = o;
  return rest;
};

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites the text of every `<name>text</name>` (empty `<name/>` untouched). */
export function mapElements(xml: string, names: readonly string[], f: (text: string, name: string) => string): string {
  const pattern = new RegExp(`<(${names.map(escapeRegExp).join('|')})>([^<]*)</\\1>`, 'g');
  return xml.replace(pattern, (_m, name: string, text: string) => `<${name}>${f(text, name)}</${name}>`);
}

/** Removes every `<name>…</name>` and `<name/>` (leaf elements only). */
export const removeElements = (xml: string, name: string): string =>
  xml.replace(new RegExp(`<${escapeRegExp(name)}>[^<]*</${escapeRegExp(name)}>|<${escapeRegExp(name)}/>`, 'g'), '');

/** Inserts `inner` at the start of every `<name>` element. */
export const prependInside = (xml: string, name: string, inner: string): string =>
  xml.replaceAll(`<${name}>`, `<${name}>${inner}`);

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? m;
  });

/** Inner XML of a list document's root (`<root/>` counts as empty). */
function listItems(xml: string, root: string): string {
  const open = xml.indexOf(`<${root}>`);
  const close = xml.lastIndexOf(`</${root}>`);
  return open < 0 || close < 0 ? '' : xml.slice(open + root.length + 2, close);
}

/** One list answer from several (JSON arrays, or XML lists under `root`); the first non-200 answer wins. */
export function concatLists(parts: readonly FrontAnswer[], root: string): FrontAnswer {
  const [first] = parts;
  if (first === undefined) throw new Error('concatLists: no answers');
  const failed = parts.find((p) => p.status !== 200);
  if (failed !== undefined) return failed;
  if (isJsonAnswer(first)) return withText(first, JSON.stringify(parts.flatMap((p) => JSON.parse(textOf(p)) as Json[])));
  const items = parts.map((p) => listItems(textOf(p), root)).join('');
  return withText(first, `<?xml version="1.0" encoding="utf-8"?><${root}>${items}</${root}>`);
}
