/**
 * Shape-driven XML writer. Each shape is compiled once into a closure with its
 * tags pre-built, so writing is one pass of string concatenation per document.
 */
import type { DocumentShape, Field, Parent, Shape } from './shape.js';
import { isPresent } from './shape.js';
import { escapeXmlText } from './xml-text.js';

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Writes one value as a whole element (`<name>…</name>`, or `<name/>` when empty). */
type ElementWriter = (value: unknown) => string;

const compiled = new WeakMap<DocumentShape, ElementWriter>();

export function writeXmlDocument(doc: DocumentShape, value: unknown): string {
  let write = compiled.get(doc);
  if (write === undefined) {
    write = elementWriter(doc.root, doc.shape);
    compiled.set(doc, write);
  }
  return XML_DECLARATION + write(value);
}

function elementWriter(name: string, shape: Shape): ElementWriter {
  const open = `<${name}>`, close = `</${name}>`, empty = `<${name}/>`;
  const content = contentWriter(shape);
  return (value) => {
    const inner = content(value);
    return inner === '' ? empty : open + inner + close;
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? escapeXmlText(value) : '');

function contentWriter(shape: Shape): (value: unknown) => string {
  switch (shape.kind) {
    case 'string':
    case 'enum':
    case 'stringOrList':
      return text;
    case 'number':
      return (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');
    case 'boolean':
      return (value) => (value === true ? 'true' : 'false');
    case 'list':
      return listWriter(shape.item, shape.of);
    case 'object': {
      const fields = shape.fields.map((f) => ({ field: f, write: fieldWriter(f) }));
      return (value) => {
        const parent: Parent = typeof value === 'object' && value !== null ? (value as Parent) : {};
        let out = '';
        for (const { field, write } of fields) if (isPresent(field, parent)) out += write(parent[field.key]);
        return out;
      };
    }
  }
}

function listWriter(item: string, of: Shape): (value: unknown) => string {
  const write = elementWriter(item, of);
  return (value) => {
    if (!Array.isArray(value)) return '';
    let out = '';
    for (const v of value) out += write(v);
    return out;
  };
}

function fieldWriter(f: Field): ElementWriter {
  const scalar = elementWriter(f.key, f.shape);
  if (f.shape.kind !== 'stringOrList') return scalar;
  const list = elementWriter(f.shape.listKey, { kind: 'list', item: f.shape.item, of: f.shape });
  return (value) => (Array.isArray(value) ? list(value) : scalar(value));
}
