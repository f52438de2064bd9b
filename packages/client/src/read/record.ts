/**
 * The one field-reading helper every document uses: a record is described as a
 * table of field readers (scalars.ts, dates.ts…), read in one pass, and any member
 * the table does not name is reported as unknown.
 */
import type { WarningCode } from '../warnings.js';
import type { ReadContext } from './context.js';
import { nestedList } from './framing.js';
import type { Node, NodeObject } from './tree.js';
import { isNodeObject, member } from './tree.js';

/** One object of a document being read: where it is and what kind of item it is. */
export class RecordReader {
  constructor(
    readonly ctx: ReadContext,
    readonly node: NodeObject,
    /** `service_requests.request[3]` */
    readonly path: string,
    /** `request`; '' for a document's own fields. */
    readonly noun: string,
  ) {}

  raw(field: string): Node | undefined {
    return member(this.node, field);
  }

  /** `raw` is the value as sent, shown in the message. */
  warn(code: WarningCode, field: string, raw?: Node, detail?: string): void {
    this.ctx.warn({ code, field, noun: this.noun, parent: this.path, raw, detail });
  }

  /** Same as warn, with the example already written out. */
  note(code: WarningCode, field: string, example?: string, detail?: string): void {
    this.ctx.warn({ code, field, noun: this.noun, parent: this.path, example, detail });
  }
}

export interface FieldReader<T> {
  read(rec: RecordReader, field: string): T;
}

type FieldTable = Readonly<Record<string, FieldReader<unknown>>>;
export type RecordOf<F extends FieldTable> = { -readonly [K in keyof F]: F[K] extends FieldReader<infer T> ? T : never };

export interface RecordShape<F extends FieldTable> {
  /** Reads every field of the table; a field read as undefined is left out of the result. */
  read(rec: RecordReader): RecordOf<F>;
}

/** `alsoKnown`: members read outside the table (aliases, extensions), not to be reported as unknown. */
export function defineRecord<F extends FieldTable>(fields: F, alsoKnown: readonly string[] = []): RecordShape<F> {
  const entries = Object.entries(fields);
  const known = new Set([...Object.keys(fields), ...alsoKnown]);
  return {
    read(rec) {
      const out: Record<string, unknown> = {};
      for (const [field, reader] of entries) {
        const value = reader.read(rec, field);
        if (value !== undefined) out[field] = value;
      }
      for (const key of Object.keys(rec.node)) if (!known.has(key)) rec.warn('unknown-field', key);
      return out as RecordOf<F>;
    },
  };
}

/** A list member of a record (`attributes`, `values`, `endpoints`) in any of its framings. */
export function listField<T>(item: string, noun: string, read: (rec: RecordReader, index: number) => T): FieldReader<T[]> {
  const optional = optionalListField(item, noun, read);
  return {
    read(rec, field) {
      const list = optional.read(rec, field);
      if (list !== undefined) return list;
      rec.warn('missing-field', field, undefined, 'an empty list');
      return [];
    },
  };
}

/** Same as listField, but undefined when the member is absent. */
export function optionalListField<T>(
  item: string,
  noun: string,
  read: (rec: RecordReader, index: number) => T,
): FieldReader<T[] | undefined> {
  return {
    read(rec, field) {
      const items = nestedList(rec.ctx, rec.raw(field), item, rec.path, field);
      return items === undefined ? undefined : readItems(rec.ctx, items, `${rec.path}.${field}`, noun, read);
    },
  };
}

/**
 * The objects of a list; anything else in it is skipped with a warning.
 * `read` gets the item's RecordReader and index.
 */
export function readItems<T>(
  ctx: ReadContext,
  items: readonly Node[],
  listPath: string,
  noun: string,
  read: (rec: RecordReader, index: number) => T,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const path = `${listPath}[${i}]`;
    if (isNodeObject(item)) out.push(read(new RecordReader(ctx, item, path, noun), i));
    // field '' makes the message name the list (see warning-messages.ts).
    else ctx.warn({ code: 'invalid-value', noun: '', field: '', parent: path, raw: item, detail: listPath });
  }
  return out;
}
