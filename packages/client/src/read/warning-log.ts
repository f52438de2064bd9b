/**
 * Collects the warnings of one document, aggregated: one warning per
 * (code, kind of item, field), with the count in its message and the path of the
 * first occurrence. A 1000-request list thus yields a handful of warnings.
 */
import type { ReadWarning, WarningCode } from '../warnings.js';
import type { Node } from './tree.js';
import { describeWarning } from './warning-messages.js';

/** One quirk met while reading. `field` names what it concerns (a field, an attribute, a root element). */
export interface Occurrence {
  code: WarningCode;
  field: string;
  /** What holds the field, in the singular (`request`); '' for the document itself. */
  noun: string;
  /** Path of the element or object holding the field; the warning's path is `${parent}.${field}`. */
  parent: string;
  /** The warning's path when it is not `${parent}.${field}` (a quirk of the whole body). */
  path?: string;
  /** The value as the server sent it, shown in the message (written out only for the first occurrence). */
  raw?: Node;
  /** The same, already written out. */
  example?: string;
  /** What the reader did instead, or any detail the code's sentence needs. */
  detail?: string;
}

interface Entry {
  first: Occurrence;
  count: number;
}

export class WarningLog {
  /** In order of first occurrence. */
  private readonly entries: Entry[] = [];
  /** code → noun → field → entry; nested so that no key string is built per occurrence. */
  private readonly index = new Map<WarningCode, Map<string, Map<string, Entry>>>();

  add(occurrence: Occurrence): void {
    const { code, noun, field } = occurrence;
    let byNoun = this.index.get(code);
    if (byNoun === undefined) this.index.set(code, (byNoun = new Map()));
    let byField = byNoun.get(noun);
    if (byField === undefined) byNoun.set(noun, (byField = new Map()));
    const entry = byField.get(field);
    if (entry !== undefined) {
      entry.count++;
      return;
    }
    const created = { first: occurrence, count: 1 };
    byField.set(field, created);
    this.entries.push(created);
  }

  toWarnings(): ReadWarning[] {
    const out: ReadWarning[] = [];
    for (const { first, count } of this.entries) {
      out.push({
        code: first.code,
        path: first.path ?? joinPath(first.parent, first.field),
        message: describeWarning(first, count),
      });
    }
    return out;
  }
}

export const joinPath = (parent: string, field: string): string =>
  parent === '' ? field : field === '' ? parent : `${parent}.${field}`;
