/**
 * XML side of the reader. fast-xml-parser with `parseTagValue: false` keeps all
 * text as strings ("001" stays "001"); attributes and namespace prefixes that
 * real servers add (`xmlns:m`, `xsi:nil`, `is_array`) are ignored.
 */
import { XMLParser } from 'fast-xml-parser';
import { DecodeError } from './decode-error.js';
import type { Tree } from './read-shape.js';
import { readShape } from './read-shape.js';
import type { DocumentShape } from './shape.js';

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Also decodes numeric references such as the `&#13;` the writer uses for CR.
  htmlEntities: true,
});

type Members = Readonly<Record<string, unknown>>;

const TEXT = '#text';

const isRecord = (v: unknown): v is Members => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (members: Members, key: string): unknown => (Object.hasOwn(members, key) ? members[key] : undefined);
const isBlank = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.trim() === '');

function single(node: unknown, path: string): unknown {
  if (Array.isArray(node)) throw new DecodeError(path, 'element repeated where one is expected');
  return node;
}

const xmlTree: Tree = {
  scalar(node, path) {
    const v = single(node, path);
    if (v === undefined || typeof v === 'string') return v;
    if (isRecord(v) && Object.keys(v).every((k) => k === TEXT)) return typeof v[TEXT] === 'string' ? v[TEXT] : '';
    throw new DecodeError(path, 'expected text, found elements');
  },
  members(node, path) {
    const v = single(node, path);
    if (isRecord(v)) return v;
    if (isBlank(v)) return {};
    throw new DecodeError(path, 'expected elements, found text');
  },
  member(members, f) {
    const v = own(members, f.key);
    // Older service definitions put <attribute> straight under <service_definition>, without <attributes>.
    if (v === undefined && f.shape.kind === 'list') {
      const items = own(members, f.shape.item);
      if (items !== undefined) return { [f.shape.item]: items };
    }
    return v;
  },
  items(node, item, path) {
    const v = single(node, path);
    if (isBlank(v)) return [];
    if (!isRecord(v)) throw new DecodeError(path, `expected <${item}> elements, found text`);
    const items = own(v, item);
    if (items === undefined) return [];
    return Array.isArray(items) ? items : [items];
  },
  stringOrList(members, f, path) {
    const list = f.shape.kind === 'stringOrList' ? own(members, f.shape.listKey) : undefined;
    if (list !== undefined && f.shape.kind === 'stringOrList') return { list: this.items(list, f.shape.item, path) };
    return { scalar: own(members, f.key) };
  },
};

export function readXmlDocument(doc: DocumentShape, body: string): unknown {
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (e) {
    throw new DecodeError(doc.root, `not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
  }
  const root = isRecord(parsed) ? own(parsed, doc.root) : undefined;
  if (root === undefined) throw new DecodeError(doc.root, `expected a <${doc.root}> root element`);
  return readShape(xmlTree, doc.shape, root, doc.root);
}
