/**
 * The one place where failures become HTTP answers. Every error -- ours
 * (Open311Failure from @o311/georeport's catalogue) and Fastify's own (body too
 * large, unsupported media type, schema validation, bad JSON, unknown route) --
 * goes out as the standard's error body with a numeric code and the right status:
 * XML or JSON under /open311 (by the path's extension, XML by default), JSON
 * everywhere else. Unexpected exceptions are logged and answered with a generic
 * 500; no stack trace ever leaves the process.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTENT_TYPES, Open311Failure, badRequest, encodeErrors, internalError, isOpen311Failure, notFound, payloadTooLarge,
  unsupportedMediaType, type Format,
} from '@o311/georeport';
import { NulInTextError } from '@o311/store';
import { formatBytes } from './byte-sizes.js';
import { applyCorsHeaders } from './cors.js';
import { MEDIA_TYPE_NAMES } from './media-type.js';
import type { ServiceContext } from '../services/context.js';
import { errorFormatForUrl, isGeoreportUrl, pathOf } from './format.js';

export interface ErrorLimits {
  bodyLimitBytes: number;
  mediaLimitBytes: number;
  maxMediaFiles: number;
}

const isFastifyError = (e: unknown): e is FastifyError =>
  e instanceof Error && (typeof (e as Partial<FastifyError>).code === 'string' || typeof (e as Partial<FastifyError>).statusCode === 'number');


const mediaTypeOf = (request: FastifyRequest): string => (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** What a request may be sent as, for 415 messages. */
const acceptedBodies = (request: FastifyRequest): string =>
  isGeoreportUrl(request.url) ? 'application/x-www-form-urlencoded or multipart/form-data' : 'application/json';

/**
 * Maps any thrown value to the failure to answer with. `undefined` means the
 * error was not expected: the caller logs it and answers 500.
 */
export function toFailure(err: unknown, request: FastifyRequest, limits: ErrorLimits): Open311Failure | undefined {
  if (isOpen311Failure(err)) return err;
  // Input the edge let through with a NUL: the store refused it before the database saw it.
  if (err instanceof NulInTextError) return badRequest(err.message);
  if (!isFastifyError(err)) return undefined;
  if (err.validation) {
    const where = err.validationContext ?? 'input';
    const problems = err.validation.map((v) => `${where}${v.instancePath || ''} ${v.message ?? 'is invalid'}`.trim());
    return badRequest(...(problems.length > 0 ? problems : [err.message]));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const form = mediaTypeOf(request) === 'application/x-www-form-urlencoded';
      return payloadTooLarge(
        form ? `The form is larger than ${formatBytes(limits.bodyLimitBytes)}.` : 'The request body is too large.',
      );
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return unsupportedMediaType(
        `Content-Type '${mediaTypeOf(request) || '(none)'}' is not accepted here; send ${acceptedBodies(request)}.`,
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('The JSON body is empty or malformed.');
    case 'FST_REQ_FILE_TOO_LARGE':
      return payloadTooLarge(`Each media file may be at most ${formatBytes(limits.mediaLimitBytes)}.`);
    case 'FST_FILES_LIMIT':
      return payloadTooLarge(`At most ${limits.maxMediaFiles} media files may be sent with one request.`);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return payloadTooLarge('The form has too many fields.');
    case 'FST_PROTO_VIOLATION':
      return badRequest('The form has a field name that is not allowed.');
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest(`A multipart field declared as JSON is malformed; send plain fields and ${MEDIA_TYPE_NAMES} files.`);
    default:
      break;
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) return new Open311Failure(status, err.message);
  return undefined;
}

/** The body format of an error answer for this request. */
export const errorFormat = (request: FastifyRequest): Format =>
  isGeoreportUrl(request.url) ? errorFormatForUrl(request.url) : 'json';

export function sendFailure(reply: FastifyReply, failure: Open311Failure, format: Format): FastifyReply {
  for (const [name, value] of Object.entries(failure.headers)) reply.header(name, value);
  return reply
    .code(failure.status)
    .header('content-type', CONTENT_TYPES[format])
    .header('cache-control', 'no-store')
    .send(encodeErrors(failure.errors, format));
}

/**
 * Errors Fastify raises before routing (a path with broken percent-encoding):
 * passed as the `frameworkErrors` option so they too get the standard shape.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const failure =
    error.code === 'FST_ERR_BAD_URL'
      ? badRequest('The URL is malformed (bad percent-encoding).')
      : error.statusCode !== undefined && error.statusCode < 500
        ? new Open311Failure(error.statusCode, error.message)
        : internalError();
  applyCorsHeaders(request, reply); // no hooks run for these
  void sendFailure(reply, failure, errorFormat(request));
}

const wantsHtml = (request: FastifyRequest): boolean => /\btext\/html\b/.test(request.headers.accept ?? '');
/** Machine APIs answer errors in their own shape even to a browser: GeoReport, the staff API, docs, and the validator's and status pages' JSON. */
const isApiUrl = (url: string): boolean =>
  isGeoreportUrl(url) || /^\/(?:api|docs|validate\/api|status\/api)(?:\/|$)/.test(pathOf(url));

export function installErrorHandling(
  app: FastifyInstance, limits: ErrorLimits, ctx: Pick<ServiceContext, 'htmlNotFound' | 'htmlFailure'>,
): void {
  app.setErrorHandler((err: unknown, request, reply) => {
    let failure = toFailure(err, request, limits);
    if (!failure) {
      request.log.error({ err }, 'unexpected error');
      failure = internalError();
    } else if (failure.status >= 500) {
      request.log.error({ err }, 'server error');
    } else if (ctx.htmlFailure && wantsHtml(request) && !isApiUrl(request.url)) {
      return ctx.htmlFailure(request, reply, failure);
    }
    // Answered before the whole body arrived (a refused upload): close rather than read the rest.
    if (!request.raw.complete) reply.header('connection', 'close');
    return sendFailure(reply, failure, errorFormat(request));
  });

  app.setNotFoundHandler((request, reply) => {
    if (ctx.htmlNotFound && wantsHtml(request) && !isApiUrl(request.url)) return ctx.htmlNotFound(request, reply);
    const path = pathOf(request.url);
    const failure = isGeoreportUrl(request.url)
      ? notFound(`No GeoReport resource at ${path}; see /open311/discovery.xml.`)
      : notFound(`No resource at ${request.method} ${path}.`);
    return sendFailure(reply, failure, errorFormat(request));
  });
}
