/** Body → Read<T>: parse, find the document, read it with one context collecting the warnings. */
import type { Format } from '@o311/georeport';
import type { ReadOptions } from '../model.js';
import type { Read } from '../warnings.js';
import { ReadContext } from './context.js';
import type { ListFrame, ObjectFrame } from './framing.js';
import { frameList, frameObject } from './framing.js';
import { parseBody } from './parse-body.js';
import { RecordReader, readItems } from './record.js';

export function readListDocument<T>(
  body: string,
  format: Format,
  options: ReadOptions | undefined,
  frame: ListFrame,
  noun: string,
  read: (rec: RecordReader, index: number) => T,
): Read<T[]> {
  const ctx = new ReadContext(format, options);
  const items = frameList(ctx, parseBody(ctx, body, frame.root), frame);
  const value = readItems(ctx, items, `${frame.root}.${frame.item}`, noun, read);
  return { value, warnings: ctx.log.toWarnings() };
}

export function readObjectDocument<T>(
  body: string,
  format: Format,
  options: ReadOptions | undefined,
  frame: ObjectFrame,
  read: (rec: RecordReader) => T,
): Read<T> {
  const ctx = new ReadContext(format, options);
  const node = frameObject(ctx, parseBody(ctx, body, frame.root), frame);
  const value = read(new RecordReader(ctx, node, frame.root, ''));
  return { value, warnings: ctx.log.toWarnings() };
}
