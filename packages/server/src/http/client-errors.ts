/**
 * Answers to requests Node rejects before Fastify sees them (headers too large,
 * a malformed request line, a request that timed out): the standard's error body
 * like every other failure, XML or JSON under /open311 by the path's extension,
 * JSON elsewhere. Only the raw bytes are known here, so the path is read from the
 * request line when it arrived whole.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { CONTENT_TYPES, Open311Failure, encodeErrors, type Format } from '@o311/georeport';
import { errorFormatForUrl, isGeoreportUrl } from './format.js';

interface ClientError extends Error {
  code?: string;
  /** The bytes Node was parsing (a Buffer; typed loosely by Fastify). */
  rawPacket?: unknown;
}

function failureFor(err: ClientError): Open311Failure {
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new Open311Failure(408, 'The request was not received in time.');
    case 'HPE_HEADER_OVERFLOW':
      return new Open311Failure(431, 'The request headers are too large.');
    default:
      return new Open311Failure(400, 'The HTTP request is malformed.');
  }
}

/** The request target of the request line at the start of `raw`, if it is there. */
export function requestTarget(raw: unknown): string | undefined {
  if (!Buffer.isBuffer(raw)) return undefined;
  const line = raw.subarray(0, 8192).toString('latin1').split('\r\n', 1)[0] ?? '';
  return /^[A-Z]+ (\/\S*) HTTP\/1\.[01]$/.exec(line)?.[1];
}

export const errorFormatForTarget = (target: string | undefined): Format =>
  target !== undefined && isGeoreportUrl(target) ? errorFormatForUrl(target) : 'json';

/** The raw HTTP/1.1 answer to a client error: status line, headers and the error document. */
export function clientErrorAnswer(err: ClientError): string {
  const failure = failureFor(err);
  const format = errorFormatForTarget(requestTarget(err.rawPacket));
  const body = encodeErrors(failure.errors, format);
  return [
    `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status] ?? 'Error'}`,
    `Content-Type: ${CONTENT_TYPES[format]}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Fastify's `clientErrorHandler`. */
export function clientErrorHandler(err: ClientError, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.end(clientErrorAnswer(err), () => socket.destroy());
  else socket.destroy();
}
