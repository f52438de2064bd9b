/** Sending a page of the public area (citizen app and tracker): the shell, navigation and headers. */
import type { FastifyReply } from 'fastify';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { renderPage } from '../layout.js';
import { sendPage } from '../send-page.js';
import { mapConfig, tileOrigin } from './map-config.js';

export interface PublicPage {
  title: string;
  main: Html;
  /** Path and query of this page (for the language switcher). */
  path: string;
  head?: Html;
  scripts?: readonly string[];
  map?: boolean;
  status?: number;
}

export const publicNav = (t: Translator): Html =>
  html`<ul><li><a href="/">${t('common.report')}</a></li><li><a href="/#track">${t('common.track')}</a></li><li><a href="/discover">${t('discover.nav')}</a></li><li><a href="/developers">${t(
    'common.developers',
  )}</a></li></ul>`;

export function sendPublicPage(reply: FastifyReply, web: WebContext, t: Translator, page: PublicPage): FastifyReply {
  const origin = page.map ? tileOrigin(mapConfig(web.options).tileUrl) : undefined;
  const body = renderPage({
    t,
    title: page.title,
    main: page.main,
    area: 'citizen',
    path: page.path,
    nav: publicNav(t),
    ...(page.head !== undefined && { head: page.head }),
    ...(page.scripts !== undefined && { scripts: page.scripts }),
    ...(page.map !== undefined && { map: page.map }),
  });
  return sendPage(reply, body, {
    ...(page.status !== undefined && { status: page.status }),
    ...(origin !== undefined && { imageOrigins: [origin] }),
  });
}
