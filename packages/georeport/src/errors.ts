import type { Open311ErrorItem } from './model.js';

/**
 * A failure to be answered with the standard's error body. Every error the
 * server can give is built by one of the named constructors below, so statuses
 * and wording stay consistent across routes.
 */
export class Open311Failure extends Error {
  readonly status: number;
  readonly errors: Open311ErrorItem[];
  readonly headers: Record<string, string>;

  constructor(status: number, errors: Open311ErrorItem[] | string, headers: Record<string, string> = {}) {
    const list = typeof errors === 'string' ? [{ code: status, description: errors }] : errors;
    super(list.map((e) => e.description).join('; '));
    this.name = 'Open311Failure';
    this.status = status;
    this.errors = list;
    this.headers = headers;
  }
}

export const isOpen311Failure = (e: unknown): e is Open311Failure => e instanceof Open311Failure;

/** Several 400 problems found in one input, reported together. */
export const badRequest = (...descriptions: string[]): Open311Failure =>
  new Open311Failure(400, descriptions.map((description) => ({ code: 400, description })));

export const notFound = (description: string): Open311Failure => new Open311Failure(404, description);

export const forbidden = (description: string): Open311Failure => new Open311Failure(403, description);

export const unauthorized = (description: string): Open311Failure =>
  new Open311Failure(401, description, { 'www-authenticate': 'Bearer' });

export const conflict = (description: string): Open311Failure => new Open311Failure(409, description);

export const payloadTooLarge = (description: string): Open311Failure => new Open311Failure(413, description);

export const unsupportedMediaType = (description: string): Open311Failure => new Open311Failure(415, description);

export const tooManyRequests = (retryAfterSeconds: number): Open311Failure =>
  new Open311Failure(429, `Too many requests for this api_key; retry after ${retryAfterSeconds} seconds.`, {
    'retry-after': String(retryAfterSeconds),
  });

export const missingApiKey = (): Open311Failure =>
  forbidden('api_key is required to submit; ask the city for a key.');

export const invalidApiKey = (): Open311Failure => forbidden('Invalid api_key received -- can\'t proceed.');

export const unknownJurisdiction = (id: string): Open311Failure =>
  notFound(`jurisdiction_id '${id}' is not served by this endpoint.`);

export const missingJurisdiction = (known: readonly string[]): Open311Failure =>
  badRequest(`jurisdiction_id is required on this endpoint; one of: ${known.join(', ')}.`);

export const unknownService = (code: string): Open311Failure => notFound(`service_code '${code}' does not exist.`);

export const unknownRequest = (id: string): Open311Failure =>
  notFound(`service_request_id '${id}' does not exist.`);

export const unknownToken = (token: string): Open311Failure => notFound(`token '${token}' does not exist.`);

export const unknownFormat = (format: string): Open311Failure =>
  notFound(`Format '${format}' is not supported; use .xml or .json.`);

/** A gateway (the federated endpoint) could not read the upstream endpoint that holds the answer. */
export const upstreamFailed = (endpoint: string, reason: string): Open311Failure =>
  new Open311Failure(502, `The endpoint '${endpoint}' could not be read: ${reason}`);

/** The Idempotency-Key extension: the key was used before, by the same api_key, for a different submission. */
export const idempotencyKeyReused = (): Open311Failure =>
  new Open311Failure(
    422,
    'This Idempotency-Key was already used with this api_key for a different submission: send the same submission ' +
      'again to get its receipt, or a new key for a new request.',
  );

export const internalError = (): Open311Failure =>
  new Open311Failure(500, 'The server could not complete the request; nothing was saved. Please try again.');
