/**
 * fast-xml-parser's output → the generic tree, reporting what the tree drops:
 * attributes (`xsi:nil`, `is_array`), namespace declarations and prefixes.
 * An empty element becomes null (the Spark mapping); an element with children an
 * object; a repeated element an array; any other element its text.
 */
import type { ReadContext } from './context.js';
import type { Node, NodeObject } from './tree.js';

const TEXT = '#text';
const ATTRIBUTE_PREFIX = '@_';
/** The only namespace the spec allows, when a default one is unavoidable. */
const GEOREPORT_NAMESPACE = 'http://wiki.open311.org/GeoReport_v2';

type Parsed = Readonly<Record<string, unknown>>;
const isParsedObject = (v: unknown): v is Parsed => typeof v === 'object' && v !== null && !Array.isArray(v);

export function xmlToTree(ctx: ReadContext, value: unknown, path: string, name: string): Node {
  if (typeof value === 'string') return value === '' ? null : value;
  if (Array.isArray(value)) return value.map((v: unknown, i) => xmlToTree(ctx, v, `${path}[${i}]`, name));
  if (!isParsedObject(value)) return null;

  let text = '';
  let nil = false;
  let children: NodeObject | undefined;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (key === TEXT) text = typeof v === 'string' ? v : '';
    else if (key.startsWith(ATTRIBUTE_PREFIX)) nil = attribute(ctx, key.slice(ATTRIBUTE_PREFIX.length), v, path, name) || nil;
    else {
      const local = localName(ctx, key, path);
      if (local === undefined) continue;
      children ??= {};
      const child = xmlToTree(ctx, v, `${path}.${local}`, local);
      const previous = Object.hasOwn(children, local) ? children[local] : undefined;
      // `<m:x>` next to `<x>`: both kept, as if the element were repeated.
      children[local] = previous === undefined ? child : [...(Array.isArray(previous) ? previous : [previous]), child];
    }
  }
  if (children !== undefined) {
    if (text.trim() !== '') {
      ctx.warn({ code: 'foreign-markup', noun: '', field: '#text', parent: path, detail: `Text between the elements of <${name}>` });
    }
    return children;
  }
  return nil || text === '' ? null : text;
}

/** Reports one attribute; true when it is `xsi:nil="true"`, which marks the element empty. */
function attribute(ctx: ReadContext, qualified: string, value: unknown, path: string, element: string): boolean {
  const shown = typeof value === 'string' ? value : '';
  if (qualified === 'xmlns' && shown === GEOREPORT_NAMESPACE) return false;
  ctx.warn({
    code: 'foreign-markup',
    noun: '',
    field: `@${qualified}`,
    parent: path,
    detail: `${qualified.startsWith('xmlns') ? 'Namespace declaration' : 'Attribute'} ${qualified}="${shown}" on <${element}>`,
  });
  const colon = qualified.indexOf(':');
  return qualified.slice(colon + 1) === 'nil' && shown.trim() === 'true';
}

/** `m:service_code` → `service_code`, with a warning; undefined for a name that cannot be a plain key. */
export function localName(ctx: ReadContext, qualified: string, path: string): string | undefined {
  const colon = qualified.indexOf(':');
  if (colon < 0) return qualified;
  const local = qualified.slice(colon + 1);
  ctx.warn({
    code: 'foreign-markup',
    noun: '',
    field: qualified,
    parent: path,
    detail: `Namespace prefix on <${qualified}>`,
  });
  return local === '__proto__' || local === '' ? undefined : local;
}
