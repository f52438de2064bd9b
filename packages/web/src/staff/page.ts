/**
 * Sends a page of the staff back office: the shared layout with the staff
 * navigation (when someone is signed in) and the request's language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import { renderPage } from '../layout.js';
import { translatorFor } from '../request-locale.js';
import { sendPage } from '../send-page.js';
import { signedInOf } from './auth/authenticate.js';
import { staffNav } from './nav.js';
import { tileOrigins } from './tile-origins.js';

export interface StaffPage {
  title: string;
  main: Html;
  /** Module scripts under /assets/js/. */
  scripts?: string[];
  /** Adds Leaflet and allows the tile server as an image source. */
  map?: boolean;
  status?: number;
}

export function sendStaffPage(request: FastifyRequest, reply: FastifyReply, web: WebContext, page: StaffPage): FastifyReply {
  const t = translatorFor(request, reply);
  const who = signedInOf(request);
  const body = renderPage({
    t,
    title: page.title,
    main: page.main,
    area: 'staff',
    path: request.url,
    nav: who ? staffNav(t, who, request.url) : undefined,
    scripts: page.scripts,
    map: page.map,
  });
  return sendPage(reply, body, { status: page.status, imageOrigins: page.map ? tileOrigins(web) : [] });
}
