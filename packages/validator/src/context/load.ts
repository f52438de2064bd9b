/** A fetched body interpreted as a GeoReport document: raw data for strict checks, the client's reading for the rest. */
import type { Exchange, Read } from '@o311/client';
import type { Format } from '@o311/georeport';
import { parseRaw, type RawDocument } from '../raw/document.js';
import { extract } from '../raw/shape.js';
import type { RawObject } from '../raw/value.js';
import type { DocKind } from './documents.js';
import type { FetchFailure, Fetched } from './fetcher.js';

export type Load<T> =
  | {
      kind: 'ok';
      exchange: Exchange;
      doc: RawDocument;
      /** List documents: the items; object documents: the one object. Best effort (see raw/shape.ts). */
      items: RawObject[];
      shapeProblems: string[];
      /** The client's tolerant reading, or null when it could not read the body (see readError). */
      read: Read<T> | null;
      readError: string | null;
    }
  /** HTTP status outside 2xx (the body is usually an error document). */
  | { kind: 'status'; exchange: Exchange }
  | { kind: 'unparseable'; exchange: Exchange; error: string }
  | { kind: 'unreachable'; failure: FetchFailure };

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

export function interpret<T>(fetched: Fetched, kind: DocKind<T>, format: Format): Load<T> {
  if (!fetched.ok) return { kind: 'unreachable', failure: fetched.failure };
  const { exchange } = fetched;
  if (!isSuccess(exchange.response.status)) return { kind: 'status', exchange };
  const parsed = parseRaw(exchange.response.body, format);
  if (!parsed.ok) return { kind: 'unparseable', exchange, error: parsed.error };
  const { items, problems } = extract(parsed.doc, kind);
  let read: Read<T> | null = null;
  let readError: string | null = null;
  try {
    read = kind.read(exchange.response.body, format, exchange.response.status);
  } catch (e) {
    readError = e instanceof Error ? e.message : String(e);
  }
  return { kind: 'ok', exchange, doc: parsed.doc, items, shapeProblems: problems, read, readError };
}

const PRIVATE_HINT =
  'the target is a private, loopback or link-local address, refused by default; allow it explicitly (allowPrivate, --allow-private) to validate a local server';

/** A failed call in words, with what to do about a refused private address. */
export const failureText = (f: FetchFailure): string => (f.kind === 'private-address' ? `${f.message} — ${PRIVATE_HINT}` : f.message);

/** Why a load gave no document, in words (for skip and fail messages). */
export function loadProblem(load: Load<unknown>, what: string): string {
  switch (load.kind) {
    case 'ok':
      return `${what} was read`;
    case 'status':
      return `${what} answered HTTP ${load.exchange.response.status}`;
    case 'unparseable':
      return `${what} is ${load.error}`;
    case 'unreachable':
      return `${what} could not be fetched: ${failureText(load.failure)}`;
  }
}

/** The exchange behind a load, when there was one. */
export const exchangeOf = (load: Load<unknown>): Exchange | null => (load.kind === 'unreachable' ? null : load.exchange);

/** What to quote as evidence for a load: its exchange, or the failed call. */
export const sourceOf = (load: Load<unknown>): Exchange | FetchFailure => (load.kind === 'unreachable' ? load.failure : load.exchange);
