/**
 * The urlencoded body of a form, decoded once per request as GeoReport decodes
 * forms (the body parser keeps it as the raw string). A malformed or missing body
 * is an empty form: the page then asks again.
 */
import type { FastifyRequest } from 'fastify';
import { field, parseForm, type FormFields } from '@o311/georeport';

const decoded = new WeakMap<FastifyRequest, FormFields>();

export function readForm(request: FastifyRequest): FormFields {
  let fields = decoded.get(request);
  if (!fields) {
    try {
      fields = typeof request.body === 'string' ? parseForm(request.body) : new Map<string, string[]>();
    } catch {
      fields = new Map<string, string[]>();
    }
    decoded.set(request, fields);
  }
  return fields;
}

/** A trimmed field of the request's form; '' when absent. */
export const formText = (request: FastifyRequest, name: string): string => (field(readForm(request), name) ?? '').trim();

/** A field as typed (passwords are not trimmed); '' when absent. */
export const formRaw = (request: FastifyRequest, name: string): string => field(readForm(request), name) ?? '';
