/** A urlencoded form body (the server keeps it as a string) decoded as GeoReport decodes forms. */
import type { FastifyRequest } from 'fastify';
import { isOpen311Failure, parseForm, type FormFields } from '@o311/georeport';

/** Malformed percent-encoding gives an empty form: the page then asks again. */
export function urlencodedFields(request: FastifyRequest): FormFields {
  const body: unknown = request.body;
  try {
    return parseForm(typeof body === 'string' ? body : '');
  } catch (e) {
    if (isOpen311Failure(e)) return new Map();
    throw e;
  }
}
