/**
 * Strict reading of an XML body. The validator must see exactly what the server
 * sent (root name, attributes, namespaces, the declaration) and reject what is
 * not well-formed instead of repairing it: fast-xml-parser's validator checks the
 * syntax, its ordered parser gives the tree, and the few rules the validator
 * does not cover (one root, no text outside it, only XML's own entities) are
 * checked here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Direct character data (text and CDATA), entities decoded, untrimmed. */
  text: string;
}

export interface XmlDocument {
  /** The `<?xml …?>` declaration's pseudo-attributes, or null when there is none. */
  declaration: { version: string | null; encoding: string | null } | null;
  root: XmlElement;
}

export class XmlSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line = 0) {
    super(line > 0 ? `${message} (line ${line})` : message);
    this.name = 'XmlSyntaxError';
    this.line = line;
  }
}

const TEXT = '#text';
const CDATA = '#cdata';
const ATTRIBUTES = ':@';
const DECLARATION = '?xml';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: false,
  processEntities: true,
  htmlEntities: true,
  cdataPropName: CDATA,
});

/** Ordered nodes as fast-xml-parser gives them: `{ name: children, ':@': attributes }` or `{ '#text': text }`. */
type OrderedNode = Record<string, unknown>;

const isNodeList = (v: unknown): v is OrderedNode[] => Array.isArray(v);

// XML knows five named entities; `&nbsp;` and friends are HTML, not XML.
const FOREIGN_ENTITY = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)[A-Za-z][\w.-]*;/;
const CDATA_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>/g;

function nameOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ATTRIBUTES) ?? '';
}

function textOf(children: readonly OrderedNode[]): string {
  return children.map((c) => (typeof c[TEXT] === 'string' ? c[TEXT] : '')).join('');
}

function toElement(node: OrderedNode): XmlElement {
  const name = nameOf(node);
  const content = isNodeList(node[name]) ? node[name] : [];
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries((node[ATTRIBUTES] ?? {}) as Record<string, unknown>)) attributes[k] = String(v);
  const element: XmlElement = { name, attributes, children: [], text: '' };
  for (const child of content) {
    const childName = nameOf(child);
    if (childName === TEXT) element.text += String(child[TEXT]);
    else if (childName === CDATA) element.text += isNodeList(child[CDATA]) ? textOf(child[CDATA]) : '';
    else element.children.push(toElement(child));
  }
  return element;
}

/** Parses a whole document; throws {@link XmlSyntaxError} when it is not well-formed. */
export function parseXml(input: string): XmlDocument {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new XmlSyntaxError(verdict.err.msg, verdict.err.line);
  // The parser drops text after the root element; XML forbids it.
  if (text.slice(text.lastIndexOf('>') + 1).trim() !== '') throw new XmlSyntaxError('text outside the root element');
  const entity = FOREIGN_ENTITY.exec(text.replace(CDATA_SECTION, ''));
  if (entity) throw new XmlSyntaxError(`undefined entity '${entity[0]}'`);

  const nodes = parser.parse(text) as OrderedNode[];
  let declaration: XmlDocument['declaration'] = null;
  const roots: OrderedNode[] = [];
  for (const node of nodes) {
    const name = nameOf(node);
    if (name === DECLARATION) {
      const attrs = (node[ATTRIBUTES] ?? {}) as Record<string, unknown>;
      const pseudo = (k: string): string | null => (typeof attrs[k] === 'string' ? attrs[k] : null);
      declaration = { version: pseudo('version'), encoding: pseudo('encoding') };
    } else if (name === TEXT) {
      if (String(node[TEXT]).trim() !== '') throw new XmlSyntaxError('text outside the root element');
    } else {
      roots.push(node);
    }
  }
  const [root, second] = roots;
  if (root === undefined) throw new XmlSyntaxError('no root element');
  if (second !== undefined) throw new XmlSyntaxError(`second root element <${nameOf(second)}>`);
  return { declaration, root: toElement(root) };
}
