/**
 * Body text → generic tree. JSON as JSON.parse reads it; XML through
 * fast-xml-parser (all text kept as strings, never trimmed) and xml-tree.ts.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ReadContext } from './context.js';
import { ReadError } from './read-error.js';
import type { Node } from './tree.js';
import { localName, xmlToTree } from './xml-tree.js';

export interface ParsedBody {
  /** The XML root element's name; undefined for JSON. */
  root: string | undefined;
  content: Node;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Prefixes are stripped in xml-tree.ts, so that they can be reported.
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: true,
  // Callbacks are not used; string paths cost ~10% of the parse.
  jPath: false,
});

const BOM = '\uFEFF';

/** `expected` names the document (its XML root) for error paths. */
export function parseBody(ctx: ReadContext, body: string, expected: string): ParsedBody {
  const text = body.startsWith(BOM) ? body.slice(1) : body;
  return ctx.format === 'json' ? parseJson(text, expected) : parseXml(ctx, text, expected);
}

function parseJson(text: string, expected: string): ParsedBody {
  try {
    return { root: undefined, content: JSON.parse(text) as Node };
  } catch (e) {
    const hint = text.trimStart().startsWith('<') ? ' (the body looks like XML or HTML)' : '';
    throw new ReadError(expected, `not JSON${hint}: ${describe(e)}`);
  }
}

function parseXml(ctx: ReadContext, text: string, expected: string): ParsedBody {
  if (!text.trimStart().startsWith('<')) throw new ReadError(expected, 'not XML: the body does not start with "<"');
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (e) {
    throw new ReadError(expected, `not well-formed XML: ${describe(e)}`);
  }
  const top = typeof parsed === 'object' && parsed !== null ? (parsed as Readonly<Record<string, unknown>>) : {};
  const roots = Object.keys(top).filter((k) => !k.startsWith('#') && !k.startsWith('?') && !k.startsWith('@_'));
  const [root] = roots;
  if (root === undefined) throw new ReadError(expected, 'not XML: no root element');
  if (roots.length > 1) throw new ReadError(expected, `not well-formed XML: several root elements (<${roots.join('>, <')}>)`);
  const local = localName(ctx, root, '') ?? root;
  try {
    return { root: local, content: xmlToTree(ctx, top[root], local, local) };
  } catch (e) {
    // Only a document nested deeper than the stack allows gets here.
    throw new ReadError(expected, `unreadable XML: ${describe(e)}`);
  }
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));
