/**
 * Finds the document inside the parsed body, whatever the framing: the spec's
 * (a JSON array / `<services><service>…`), wrapped JSON (`{"services":[…]}`), a
 * bare object where a list is expected, another XML root (`<requests>`), and
 * the same variations for lists nested in a document (`attributes`, `values`).
 */
import type { ReadContext } from './context.js';
import type { ParsedBody } from './parse-body.js';
import { ReadError } from './read-error.js';
import type { Node, NodeObject } from './tree.js';
import { asArray, isNodeObject, member } from './tree.js';

export interface ListFrame {
  /** The spec's XML root, also the name of the list in warning paths: `service_requests`. */
  readonly root: string;
  readonly item: string;
  /** Other names real servers give the list (`requests` for `service_requests`). */
  readonly aliases: readonly string[];
  /** Whether an object is one item sent on its own. */
  readonly isItem: (o: NodeObject) => boolean;
}

export interface ObjectFrame {
  readonly root: string;
  /** Whether an object is the document itself (rather than a wrapper around it). */
  readonly isDocument: (o: NodeObject) => boolean;
}

/** True for what stands for "nothing": null, or a string of whitespace (an empty pretty-printed element). */
export const isBlank = (v: Node | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export function frameList(ctx: ReadContext, parsed: ParsedBody, frame: ListFrame): Node[] {
  return parsed.root === undefined ? jsonList(ctx, parsed.content, frame) : xmlList(ctx, parsed.root, parsed.content, frame);
}

function xmlList(ctx: ReadContext, root: string, content: Node, frame: ListFrame): Node[] {
  if (root === frame.item) {
    bareObject(ctx, frame);
    return [content];
  }
  const expected = root === frame.root;
  if (!expected) unexpectedRoot(ctx, root, frame.root);
  if (isBlank(content)) return [];
  if (!isNodeObject(content)) throw new ReadError(frame.root, `<${root}> holds text, not <${frame.item}> elements`);
  const items = member(content, frame.item);
  if (items === undefined && !expected) throw new ReadError(frame.root, `no <${frame.item}> elements in <${root}>`);
  unknownMembers(ctx, content, frame.item, frame.root);
  return items === undefined ? [] : asArray(items);
}

function jsonList(ctx: ReadContext, content: Node, frame: ListFrame): Node[] {
  if (Array.isArray(content)) return content;
  if (!isNodeObject(content)) throw new ReadError(frame.root, `expected a JSON array of ${frame.item} objects, found ${kind(content)}`);
  for (const key of [frame.root, ...frame.aliases, frame.item]) {
    const inner = member(content, key);
    if (inner === undefined) continue;
    ctx.warn({ code: 'wrapped-json', noun: '', field: key, parent: '', detail: `{"${key}": …}` });
    unknownMembers(ctx, content, key, '');
    if (Array.isArray(inner)) return inner;
    if (inner === null) return [];
    if (isNodeObject(inner)) {
      // XML converted to JSON key by key: {"service_requests": {"request": […]}}
      const items = member(inner, frame.item);
      if (items !== undefined) return asArray(items);
      if (frame.isItem(inner)) {
        bareObject(ctx, frame);
        return [inner];
      }
    }
    throw new ReadError(key, `expected a list of ${frame.item} objects, found ${kind(inner)}`);
  }
  if (frame.isItem(content)) {
    bareObject(ctx, frame);
    return [content];
  }
  const keys = Object.keys(content);
  const [only] = keys;
  const inner = only === undefined ? undefined : content[only];
  if (keys.length === 1 && only !== undefined && Array.isArray(inner)) {
    ctx.warn({ code: 'wrapped-json', noun: '', field: only, parent: '', detail: `{"${only}": […]}` });
    return inner;
  }
  throw new ReadError(frame.root, `expected a JSON array of ${frame.item} objects, found an object without one`);
}

export function frameObject(ctx: ReadContext, parsed: ParsedBody, frame: ObjectFrame): NodeObject {
  const { root, content } = parsed;
  if (root !== undefined) {
    if (root === frame.root) return isBlank(content) ? {} : objectOrFail(content, frame.root);
    const document = objectOrFail(content, frame.root);
    if (!frame.isDocument(document)) throw new ReadError(frame.root, `expected a <${frame.root}> document, found <${root}>`);
    unexpectedRoot(ctx, root, frame.root);
    return document;
  }
  if (Array.isArray(content) && content.length === 1 && isNodeObject(content[0])) {
    ctx.warn({ code: 'wrapped-json', noun: '', field: '', parent: frame.root, detail: 'a one-element array' });
    return content[0];
  }
  const document = objectOrFail(content, frame.root);
  if (frame.isDocument(document) || Object.keys(document).length === 0) return document;
  const inner = member(document, frame.root);
  if (isNodeObject(inner)) {
    ctx.warn({ code: 'wrapped-json', noun: '', field: frame.root, parent: '', detail: `{"${frame.root}": …}` });
    unknownMembers(ctx, document, frame.root, '');
    return inner;
  }
  throw new ReadError(frame.root, `no ${frame.root} object in the body`);
}

/**
 * A list inside a document: JSON `[…]`, XML `<values><value>…`, and their variants.
 * Undefined when the member is absent, so the caller decides what that means.
 */
export function nestedList(ctx: ReadContext, raw: Node | undefined, item: string, parent: string, field: string): Node[] | undefined {
  if (raw === undefined) return undefined;
  if (isBlank(raw)) return [];
  if (Array.isArray(raw)) {
    if (ctx.format === 'json') return raw;
    // <values> repeated: their items together.
    return raw.flatMap((r) => nestedList(ctx, r, item, parent, field) ?? []);
  }
  if (isNodeObject(raw)) {
    const items = member(raw, item);
    const path = `${parent}.${field}`;
    if (items !== undefined) {
      if (ctx.format === 'json') {
        ctx.warn({ code: 'wrapped-json', noun: '', field, parent, detail: `"${field}": {"${item}": …}` });
      }
      unknownMembers(ctx, raw, item, path);
      return asArray(items);
    }
    if (ctx.format === 'xml') {
      unknownMembers(ctx, raw, item, path);
      return [];
    }
  }
  ctx.warn({ code: 'bare-object', noun: '', field, parent, detail: `${item} (in ${field})` });
  return [raw];
}

/** Members of a wrapper or list element other than the one holding the items. */
function unknownMembers(ctx: ReadContext, o: NodeObject, known: string, parent: string): void {
  for (const key of Object.keys(o)) {
    if (key !== known) ctx.warn({ code: 'unknown-field', noun: '', field: key, parent });
  }
}

function bareObject(ctx: ReadContext, frame: ListFrame): void {
  ctx.warn({ code: 'bare-object', noun: '', field: '', parent: frame.root, detail: `${frame.item} object` });
}

function unexpectedRoot(ctx: ReadContext, root: string, expected: string): void {
  ctx.warn({ code: 'unexpected-root', noun: '', field: root, parent: '', detail: expected });
}

function objectOrFail(content: Node, path: string): NodeObject {
  if (isNodeObject(content)) return content;
  throw new ReadError(path, `expected an object, found ${kind(content)}`);
}

function kind(v: Node): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
