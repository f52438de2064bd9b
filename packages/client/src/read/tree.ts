/**
 * The generic tree both formats are read into: JSON values as JSON.parse returns
 * them, and XML converted to the same shape (see xml-tree.ts).
 */

export type Node = string | number | boolean | null | Node[] | NodeObject;
export interface NodeObject {
  [key: string]: Node;
}

export const isNodeObject = (v: Node | undefined): v is NodeObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A member of `o`, never one inherited from Object.prototype. */
export const member = (o: NodeObject, key: string): Node | undefined => (Object.hasOwn(o, key) ? o[key] : undefined);

/** One element or a repeated one: XML gives a single child as a value and several as an array. */
export const asArray = (v: Node): Node[] => (Array.isArray(v) ? v : [v]);

/** `"x"` for strings, the JSON text for anything else, cut to keep messages short. */
export function showValue(v: Node | undefined): string {
  const text = v === undefined ? 'nothing' : JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A predicate: does the object carry at least one of these members? */
export const hasAnyOf = (keys: readonly string[]) => (o: NodeObject): boolean => keys.some((k) => Object.hasOwn(o, k));
