/**
 * Base URLs. Pages link to the origin the browser used when the server trusts
 * that Host (so images stay same-origin under the CSP); e-mails and feeds use the
 * configured public URL, else the server's own origin -- never a foreign Host
 * header (see PublicOrigin in @o311/server).
 */
import type { FastifyRequest } from 'fastify';
import type { requestServices } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import type { WebContext } from '../context.js';

/** How the server's public projection places dates and media links. */
export type ProjectionContext = Parameters<typeof requestServices.findRequest>[4];

export const requestOrigin = (request: FastifyRequest): string => request.server.publicOrigin.of(request);

/** Absolute base for links that leave the page (e-mail, Atom), without a trailing slash. */
export const publicBase = (web: WebContext, request: FastifyRequest): string =>
  web.options.publicUrl ? web.options.publicUrl.replace(/\/+$/, '') : requestOrigin(request);

/** The public projection as the pages need it: the jurisdiction's zone and same-origin media links. */
export const pageProjection = (request: FastifyRequest, j: Jurisdiction): ProjectionContext => ({
  timezone: j.timezone,
  mediaBase: `${requestOrigin(request)}/open311/v2/media/`,
});

export const trackerPath = (id: string): string => `/track/${encodeURIComponent(id)}`;
