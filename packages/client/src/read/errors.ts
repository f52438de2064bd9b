/**
 * Error bodies, which real servers send in every shape: the spec's
 * `<errors><error><code/><description/>`, a bare `<error>text</error>`, JSON with
 * `message` for `description`, `{"errors":[…]}`, `{"error":"…"}`, HTML pages and
 * plain text. Never throws: what cannot be read becomes one item with the HTTP status.
 */
import type { Format, Open311ErrorItem } from '@o311/georeport';
import type { Read } from '../warnings.js';
import { ReadContext } from './context.js';
import type { ListFrame } from './framing.js';
import { frameList } from './framing.js';
import type { ParsedBody } from './parse-body.js';
import { parseBody } from './parse-body.js';
import { ReadError } from './read-error.js';
import type { FieldReader, RecordReader } from './record.js';
import { defineRecord, readItems } from './record.js';
import { number, text } from './scalars.js';
import type { Node } from './tree.js';
import { hasAnyOf, isNodeObject, member } from './tree.js';

const FRAME: ListFrame = {
  root: 'errors',
  item: 'error',
  aliases: [],
  isItem: hasAnyOf(['code', 'description', 'message']),
};

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i;
const HTML_TITLE = /<title[^>]*>([\s\S]*?)<\/title>/i;
const HTML_HEADING = /<h1[^>]*>([\s\S]*?)<\/h1>/i;
const TAG = /<[^>]*>/g;
const SPACES = /\s+/g;
const BOM = /^\uFEFF/;
const MAX_DESCRIPTION = 200;

const description = text({ fallback: '' });

/** `description`, or Boston's `message` in its place. */
const descriptionOrMessage: FieldReader<string> = {
  read(rec, field) {
    if (rec.raw(field) !== undefined || rec.raw('message') === undefined) return description.read(rec, field);
    rec.note('non-standard-error', 'message', undefined, 'Errors carried `message` in place of `description`; read as the description');
    return description.read(rec, 'message');
  },
};

function errorRecord(httpStatus: number | undefined) {
  const status = httpStatus ?? 0;
  return defineRecord(
    {
      code: number({ fallback: status, requireValue: true, shown: httpStatus === undefined ? '0' : `the HTTP status ${httpStatus}` }),
      description: descriptionOrMessage,
    },
    ['message'],
  );
}

export function readErrors(body: string, format: Format, httpStatus?: number): Read<Open311ErrorItem[]> {
  const trimmed = body.replace(BOM, '').trim();
  const sniffed = trimmed.startsWith('<') ? 'xml' : trimmed.startsWith('{') || trimmed.startsWith('[') ? 'json' : undefined;
  const ctx = new ReadContext(sniffed ?? format);
  const value = read(ctx, trimmed, format, httpStatus);
  return { value, warnings: ctx.log.toWarnings() };
}

function read(ctx: ReadContext, trimmed: string, format: Format, httpStatus: number | undefined): Open311ErrorItem[] {
  const code = httpStatus ?? 0;
  if (trimmed === '') return [standIn(ctx, code, 'The error body was empty', httpStatus === undefined ? 'Empty error body' : `HTTP ${httpStatus}`)];
  if (HTML_START.test(trimmed)) return [standIn(ctx, code, 'The error body was an HTML page', htmlSummary(trimmed))];
  if (ctx.format !== format) {
    const [sent, asked] = [ctx.format.toUpperCase(), format.toUpperCase()];
    ctx.warn({
      code: 'non-standard-error', noun: '', field: 'format', parent: 'errors', path: 'errors',
      detail: `The error body was ${sent} where ${asked} was asked for; read as ${sent}`,
    });
  }
  try {
    const parsed = parseBody(ctx, trimmed, FRAME.root);
    if (parsed.root === 'html') return [standIn(ctx, code, 'The error body was an HTML page', htmlSummary(trimmed))];
    const single = singleMessage(parsed);
    if (single !== undefined) return [standIn(ctx, code, single.what, single.text)];
    const items = frameList(ctx, parsed, FRAME);
    const record = errorRecord(httpStatus);
    return readItems(ctx, items, `${FRAME.root}.${FRAME.item}`, 'error', (rec: RecordReader): Open311ErrorItem => record.read(rec));
  } catch (e) {
    const why = e instanceof ReadError ? e.message : 'an unexpected failure';
    return [standIn(ctx, code, `The error body could not be read as ${ctx.format.toUpperCase()} (${why})`, trimmed)];
  }
}

/** A bare `<error>text</error>`, `{"error": "text"}`, or a JSON string. */
function singleMessage(parsed: ParsedBody): { what: string; text: string } | undefined {
  const { root, content } = parsed;
  if (root === 'error' && typeof content === 'string') return { what: 'The error body was a bare <error> element', text: content };
  if (root !== undefined) return undefined;
  if (typeof content === 'string') return { what: 'The error body was a JSON string', text: content };
  const error: Node | undefined = isNodeObject(content) ? member(content, 'error') : undefined;
  if (typeof error === 'string') return { what: 'The error body was {"error": "…"}', text: error };
  return undefined;
}

function standIn(ctx: ReadContext, code: number, what: string, description: string): Open311ErrorItem {
  ctx.warn({ code: 'non-standard-error', noun: '', field: '', parent: 'errors', detail: `${what}; read as one error with code ${code}` });
  return { code, description: summary(description) };
}

function htmlSummary(html: string): string {
  const heading = HTML_TITLE.exec(html) ?? HTML_HEADING.exec(html);
  const inner = heading?.[1];
  const words = inner === undefined ? '' : summary(inner.replace(TAG, ' '));
  return words === '' ? 'HTML error page' : words;
}

function summary(s: string): string {
  const flat = s.replace(SPACES, ' ').trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION - 1)}…` : flat;
}
