/** JSON side of the reader. Also takes the wrapped framing some servers use (`{"service_requests":[…]}`). */
import { DecodeError } from './decode-error.js';
import type { Tree } from './read-shape.js';
import { readShape } from './read-shape.js';
import type { DocumentShape } from './shape.js';

type Members = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Members => typeof v === 'object' && v !== null && !Array.isArray(v);

const jsonTree: Tree = {
  scalar(node, path) {
    if (node === undefined || node === null || typeof node === 'string' || typeof node === 'boolean') return node;
    if (typeof node === 'number') return node;
    throw new DecodeError(path, `expected a scalar, found ${Array.isArray(node) ? 'an array' : 'an object'}`);
  },
  members(node, path) {
    if (isRecord(node)) return node;
    throw new DecodeError(path, 'expected an object');
  },
  member: (members, f) => (Object.hasOwn(members, f.key) ? members[f.key] : undefined),
  items(node, _item, path) {
    if (node === undefined || node === null) return [];
    if (Array.isArray(node)) return node;
    throw new DecodeError(path, 'expected an array');
  },
  stringOrList(members, f) {
    const v = Object.hasOwn(members, f.key) ? members[f.key] : undefined;
    return Array.isArray(v) ? { list: v } : { scalar: v };
  },
};

function unwrap(doc: DocumentShape, parsed: unknown): unknown {
  if (!isRecord(parsed)) return parsed;
  const keys = Object.keys(parsed);
  return keys.length === 1 && keys[0] === doc.root ? parsed[doc.root] : parsed;
}

export function readJsonDocument(doc: DocumentShape, body: string): unknown {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new DecodeError(doc.root, `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return readShape(jsonTree, doc.shape, unwrap(doc, parsed), doc.root);
}
