/** Parsing a body into a {@link RawDocument}: well-formedness first, then plain data. */
import type { Format } from '@o311/georeport';
import type { RawValue } from './value.js';
import { parseXml, type XmlDocument } from './xml-parser.js';
import { xmlToValue } from './xml-value.js';

export interface RawDocument {
  format: Format;
  /** XML root element name; null for JSON. */
  root: string | null;
  value: RawValue;
  /** The element tree, for XML-only checks (declaration, attributes, namespaces). */
  xml: XmlDocument | null;
}

export type RawParse = { ok: true; doc: RawDocument } | { ok: false; error: string };

export function parseRaw(body: string, format: Format): RawParse {
  try {
    if (format === 'json') {
      // JSON.parse yields exactly the RawValue union.
      const value = JSON.parse(body.startsWith('\uFEFF') ? body.slice(1) : body) as RawValue;
      return { ok: true, doc: { format, root: null, value, xml: null } };
    }
    const xml = parseXml(body);
    return { ok: true, doc: { format, root: xml.root.name, value: xmlToValue(xml.root), xml } };
  } catch (e) {
    return { ok: false, error: `not well-formed ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}` };
  }
}
