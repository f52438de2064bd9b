/**
 * Shape-driven reader shared by XML and JSON. A {@link Tree} adapter hides how
 * each format nests things; the coercions (the inverse of the writers) are common.
 */
import { DecodeError } from './decode-error.js';
import type { Field, Shape } from './shape.js';
import { isPresent, str } from './shape.js';

export type Scalar = string | number | boolean | null | undefined;

/** How one parsed format exposes objects, lists and scalars. `undefined` = element or key absent. */
export interface Tree {
  scalar(node: unknown, path: string): Scalar;
  members(node: unknown, path: string): Readonly<Record<string, unknown>>;
  member(members: Readonly<Record<string, unknown>>, f: Field): unknown;
  items(node: unknown, item: string, path: string): readonly unknown[];
  /** A `stringOrList` field: the list's items, or the single scalar. */
  stringOrList(members: Readonly<Record<string, unknown>>, f: Field, path: string): { list: readonly unknown[] } | { scalar: unknown };
}

const DECIMAL = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export function readShape(tree: Tree, shape: Shape, node: unknown, path: string): unknown {
  switch (shape.kind) {
    case 'string': {
      const v = tree.scalar(node, path);
      if (v === null || v === undefined || v === '') {
        if (shape.nullable) return null;
        if (v === '') return '';
        throw new DecodeError(path, 'missing');
      }
      return String(v);
    }
    case 'number': {
      const v = tree.scalar(node, path);
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (typeof v === 'string' && DECIMAL.test(v)) return Number(v);
      if ((v === null || v === undefined || v === '') && shape.nullable) return null;
      throw new DecodeError(path, v === undefined ? 'missing' : `'${String(v)}' is not a number`);
    }
    case 'boolean': {
      const v = tree.scalar(node, path);
      if (typeof v === 'boolean') return v;
      const text = typeof v === 'string' ? v.trim().toLowerCase() : undefined;
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new DecodeError(path, v === undefined ? 'missing' : `'${String(v)}' is not true or false`);
    }
    case 'enum': {
      const v = tree.scalar(node, path);
      if (typeof v === 'string') {
        if (shape.values.includes(v)) return v;
        const lower = v.trim().toLowerCase();
        if (shape.values.includes(lower)) return lower;
      }
      throw new DecodeError(path, v === undefined ? 'missing' : `'${String(v)}' is not one of ${shape.values.join(', ')}`);
    }
    case 'object': {
      const members = tree.members(node, path);
      const out: Record<string, unknown> = {};
      for (const f of shape.fields) {
        const present = f.presence === 'ifPresent' ? tree.member(members, f) !== undefined : isPresent(f, out);
        if (present) out[f.key] = readField(tree, f, members, `${path}.${f.key}`);
      }
      return out;
    }
    case 'list':
      return tree.items(node, shape.item, path).map((item, i) => readShape(tree, shape.of, item, `${path}.${shape.item}[${i}]`));
    case 'stringOrList':
      return readShape(tree, str, node, path);
  }
}

function readField(tree: Tree, f: Field, members: Readonly<Record<string, unknown>>, path: string): unknown {
  if (f.shape.kind !== 'stringOrList') return readShape(tree, f.shape, tree.member(members, f), path);
  const { item } = f.shape;
  const found = tree.stringOrList(members, f, path);
  if ('scalar' in found) return readShape(tree, f.shape, found.scalar, path);
  return found.list.map((v, i) => readShape(tree, f.shape, v, `${path}.${item}[${i}]`));
}
