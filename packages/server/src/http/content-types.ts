/**
 * Body parsers. GeoReport POSTs come as application/x-www-form-urlencoded (kept as
 * the raw string here; @o311/georeport's parseForm decodes it in the route, after
 * the format check) or multipart/form-data with media (@fastify/multipart,
 * streamed by the route). The staff API takes JSON. Anything else is a 415.
 */
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { registerNulByteGuard } from './nul-bytes.js';

export interface BodyLimits {
  bodyLimitBytes: number;
  mediaLimitBytes: number;
  maxMediaFiles: number;
}

/** Fields per form: generous for attribute-rich services, small enough to bound work. */
export const MAX_FORM_FIELDS = 500;

export async function registerBodyParsers(app: FastifyInstance, limits: BodyLimits): Promise<void> {
  registerNulByteGuard(app);
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: limits.bodyLimitBytes },
    (_request, body, done) => done(null, body),
  );
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: {
      fieldNameSize: 200,
      fieldSize: limits.bodyLimitBytes,
      fields: MAX_FORM_FIELDS,
      fileSize: limits.mediaLimitBytes,
      files: limits.maxMediaFiles,
      parts: MAX_FORM_FIELDS + limits.maxMediaFiles,
      headerPairs: 100,
    },
  });
}
