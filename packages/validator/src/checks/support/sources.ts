/**
 * The documents a check examines, and the two generic check bodies built on them:
 * a rule over each document's items, and a rule over each item.
 */
import type { Format } from '@o311/georeport';
import { skip, type CheckOutcome } from '../../check.js';
import type { CheckContext } from '../../context.js';
import { loadProblem, type Load } from '../../context/load.js';
import { textOf, member, type RawObject } from '../../raw/value.js';
import { Findings } from './findings.js';

export type OkLoad<T> = Extract<Load<T>, { kind: 'ok' }>;

export interface Examined<T> {
  /** e.g. `services.xml`, `services/001.json`. */
  name: string;
  format: Format;
  load: OkLoad<T>;
}

export interface Sources<T> {
  docs: Examined<T>[];
  /** Why a document that was looked for is not examined. */
  missing: string[];
}

export async function gather<T>(entries: readonly { name: string; format: Format; load: Promise<Load<T>> }[]): Promise<Sources<T>> {
  const docs: Examined<T>[] = [];
  const missing: string[] = [];
  for (const e of entries) {
    const load = await e.load;
    if (load.kind === 'ok') docs.push({ name: e.name, format: e.format, load });
    else missing.push(loadProblem(load, e.name));
  }
  return { docs, missing };
}

/** One document per offered format. */
export async function perFormat<T>(ctx: CheckContext, path: string, get: (f: Format) => Promise<Load<T>>): Promise<Sources<T>> {
  const formats = await ctx.formats();
  return gather(formats.map((format) => ({ name: `${path}.${format}`, format, load: get(format) })));
}

export const noDocuments = (sources: Sources<unknown>, what: string): CheckOutcome =>
  skip(`no ${what} to examine${sources.missing.length > 0 ? `: ${sources.missing.join('; ')}` : ''}`);

export interface DocRule<T> {
  sources(ctx: CheckContext): Promise<Sources<T>>;
  /** Restrict to one format (type rules for JSON, markup rules for XML). */
  only?: Format;
  /** What is being examined, for the skip message. */
  what: string;
  rule(items: readonly RawObject[], doc: Examined<T>): string[];
  passMessage(docs: readonly Examined<T>[]): string;
}

export function docRule<T>(spec: DocRule<T>): (ctx: CheckContext) => Promise<CheckOutcome> {
  return async (ctx) => {
    const sources = await spec.sources(ctx);
    const docs = sources.docs.filter((d) => spec.only === undefined || d.format === spec.only);
    if (docs.length === 0) return noDocuments({ docs, missing: sources.missing }, spec.what);
    const findings = new Findings();
    for (const doc of docs) {
      findings.addAll(spec.rule(doc.load.items, doc).map((p) => `${doc.name}: ${p}`), doc.load.exchange);
    }
    return findings.outcome(spec.passMessage(docs));
  };
}

export interface ItemRule<T> extends Omit<DocRule<T>, 'rule' | 'passMessage'> {
  /** Singular noun for an item, and the field that names it in messages. */
  noun: string;
  idKey: string;
  /** Problems of one item; `format` for rules that differ between XML text and JSON types. */
  rule(item: RawObject, format: Format): (string | null)[];
}

export function itemRule<T>(spec: ItemRule<T>): (ctx: CheckContext) => Promise<CheckOutcome> {
  return docRule({
    ...spec,
    rule: (items, doc) =>
      items.flatMap((item, i) => {
        const label = `${spec.noun} ${describe(item, spec.idKey, i)}`;
        return spec.rule(item, doc.format).flatMap((p) => (p === null ? [] : [`${label}: ${p}`]));
      }),
    passMessage: (docs) => {
      const n = docs.reduce((sum, d) => sum + d.load.items.length, 0);
      return `${n} ${spec.noun}(s) in ${docs.map((d) => d.name).join(', ')} conform`;
    },
  });
}

/** `'pothole'` or `#3` when the item has no usable id. */
export function describe(item: RawObject, idKey: string, index: number): string {
  const id = textOf(member(item, idKey));
  return id !== null && id.trim() !== '' ? `'${id.length > 40 ? `${id.slice(0, 40)}…` : id}'` : `#${index}`;
}
