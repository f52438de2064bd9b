/**
 * Cross-site request forgery defences for state-changing staff requests: the
 * session's synchronizer token (form field `_csrf` or header `X-CSRF-Token`),
 * compared in constant time, and the Origin (else Referer) host name, when sent,
 * must be this site.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FormFields } from '@o311/georeport';
import type { WebContext } from '../../context.js';
import { readForm } from '../../form.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const isSafeMethod = (method: string): boolean => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

function sentToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  return readForm(request).get(CSRF_FIELD)?.[0];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether `sent` is the session's token `expected` (compared in constant time). */
export const isCsrfToken = (sent: string | undefined, expected: string): boolean => sent !== undefined && expected !== '' && sameSecret(sent, expected);

export const hasValidCsrfToken = (request: FastifyRequest, expected: string): boolean => isCsrfToken(sentToken(request), expected);

/** The token among a multipart form's fields (read before its first file: see staffGuard's `multipart`). */
export const hasValidCsrfField = (fields: FormFields, expected: string): boolean => isCsrfToken(fields.get(CSRF_FIELD)?.[0], expected);

/** Host names are compared without ports, as cookies are: a TLS proxy may change the port, never the name. */
function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The names this site answers as: the Host header's and the configured public URL's. */
function ownHostnames(web: WebContext, request: FastifyRequest): Set<string> {
  const names = new Set<string>();
  const fromHeader = request.headers.host ? hostnameOf(`http://${request.headers.host}`) : undefined;
  if (fromHeader) names.add(fromHeader);
  const publicUrl = web.options.publicUrl ?? web.services.publicUrl;
  const configured = publicUrl === undefined ? undefined : hostnameOf(publicUrl);
  if (configured) names.add(configured);
  return names;
}

/** False when Origin (or, without it, Referer) names another site; true when neither is sent. */
export function comesFromThisSite(web: WebContext, request: FastifyRequest): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return true;
  const name = hostnameOf(source);
  return name !== undefined && ownHostnames(web, request).has(name);
}
