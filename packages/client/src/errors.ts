/**
 * The client's three failures. Each keeps what a caller needs to explain it: the URL
 * and kind of a network failure, the whole exchange of an HTTP error or unreadable body.
 */
import type { Format, Open311ErrorItem } from '@o311/georeport';
import type { Exchange } from './http/exchange.js';
import { readErrors } from './read/index.js';
import type { ReadWarning } from './warnings.js';

export const NETWORK_ERROR_KINDS = [
  'timeout',
  'private-address',
  'dns',
  'connection',
  'too-large',
  'too-many-redirects',
  'bad-url',
] as const;
export type NetworkErrorKind = (typeof NETWORK_ERROR_KINDS)[number];

/** No usable HTTP answer: the request was refused, could not be sent, or the answer could not be received whole. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly kind: NetworkErrorKind;
  readonly url: string;

  constructor(kind: NetworkErrorKind, url: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.url = url;
  }
}

const describeExchange = (exchange: Exchange): string => `${exchange.request.method} ${exchange.request.url}`;

/** A non-2xx answer, with the server's `<errors>` read as tolerantly as any other document. */
export class Open311Error extends Error {
  override readonly name = 'Open311Error';
  readonly status: number;
  readonly errors: Open311ErrorItem[];
  readonly exchange: Exchange;
  readonly warnings: ReadWarning[];

  constructor(exchange: Exchange, errors: Open311ErrorItem[], warnings: ReadWarning[] = []) {
    const status = exchange.response.status;
    const said = errors.map((e) => e.description).filter((d) => d !== '').join('; ');
    super(`${describeExchange(exchange)} answered HTTP ${status}${said === '' ? '' : `: ${said}`}`);
    this.status = status;
    this.errors = errors;
    this.exchange = exchange;
    this.warnings = warnings;
  }

  /** Reads the error body in `format`; readErrors turns any body (HTML, text, nothing) into at least one item. */
  static fromExchange(exchange: Exchange, format: Format): Open311Error {
    const { status, body } = exchange.response;
    const read = readErrors(body, format, status);
    return new Open311Error(exchange, read.value, read.warnings);
  }
}

/** A 2xx answer whose body cannot be read as the document asked for (usually wraps a read/ `ReadError`). */
export class ResponseReadError extends Error {
  override readonly name = 'ResponseReadError';
  readonly exchange: Exchange;
  /** Where in the document reading failed, as the readers name it (`''` for the whole body). */
  readonly path: string;

  constructor(exchange: Exchange, path: string, reason: string, options?: { cause?: unknown }) {
    super(`${describeExchange(exchange)} answered HTTP ${exchange.response.status}, but ${reason}`, options);
    this.exchange = exchange;
    this.path = path;
  }
}
