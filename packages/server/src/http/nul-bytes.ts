/**
 * Refuses U+0000 in any text a request carries, with a 400 before a handler
 * runs: the query string, path parameters, the body (urlencoded, still raw
 * here, or JSON) and cookies. PostgreSQL cannot store the character (it
 * answered 500), XML cannot carry it, and no legitimate client sends it.
 * Multipart fields are streamed by the routes and checked as they are read
 * (form-body.ts); the store refuses whatever would still slip through.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { badRequest } from '@o311/georeport';

/** A NUL as sent in an urlencoded body: raw, or percent-encoded. */
const ENCODED_NUL = /\0|%00/;

/** Whether a parsed value (string, array, object of them, any depth) holds a NUL, in a key or a value. */
export function holdsNul(value: unknown): boolean {
  // Iterative: a JSON body may nest deeper than the call stack goes.
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const v = pending.pop();
    if (typeof v === 'string') {
      if (v.includes('\0')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (k.includes('\0')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** The name of the first part of the request holding a NUL, if any. */
export function partWithNul(request: FastifyRequest): string | undefined {
  if (holdsNul(request.query)) return 'The query string';
  if (holdsNul(request.params)) return 'The path';
  const body: unknown = request.body;
  if (typeof body === 'string' ? ENCODED_NUL.test(body) : holdsNul(body)) return 'The body';
  if (holdsNul((request as { cookies?: unknown }).cookies)) return 'A cookie';
  return undefined;
}

export const nulFailure = (part: string) =>
  badRequest(`${part} contains the NUL character (U+0000, %00), which is not accepted in any text.`);

export function registerNulByteGuard(app: FastifyInstance): void {
  // A callback hook, not an async one: it runs for every request, and a promise per request costs more than the check.
  app.addHook('preValidation', (request, _reply, done) => {
    const part = partWithNul(request);
    done(part === undefined ? undefined : nulFailure(part));
  });
}
