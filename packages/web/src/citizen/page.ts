/** Sending a page of the public area (citizen app and tracker): the shell, navigation and headers. */
import type { FastifyReply } from 'fastify';
import type { WebContext } from '../context.js';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { renderPage } from '../layout.js';
import { sendPage } from '../send-page.js';
import { mapConfig, tileOrigin } from './map-config.js';
import { ACCOUNT_PATH, SIGN_IN_PATH } from '../account/paths.js';
import { accountSecretOf } from '../account/session-cookie.js';
import { STATUS_PATH } from '../status/paths.js';
import { VALIDATE_PATH } from '../validate/paths.js';
import { DASHBOARD_PATH } from '../dashboard/paths.js';
import { OPEN_DATA_PATH } from '../open-data/paths.js';
import { OFFLINE_HEADER, offlineUseOf, type OfflineUse } from '../pwa/offline-use.js';

export interface PublicPage {
  title: string;
  main: Html;
  /** Path and query of this page (for the language switcher). */
  path: string;
  head?: Html;
  scripts?: readonly string[];
  map?: boolean;
  status?: number;
  /** See SendPageOptions.cacheControl. */
  cacheControl?: string;
  /** How the installed app may keep it offline (pwa/offline-use.ts); by default as the session says. */
  offlineUse?: OfflineUse;
}

/**
 * The public pages' navigation. `signedIn` comes from the presence of the
 * account cookie alone (no query per page): a stale cookie shows "My reports",
 * which then leads to the sign-in page.
 */
export const publicNav = (t: Translator, signedIn = false): Html =>
  html`<ul><li><a href="/">${t('common.report')}</a></li><li><a href="/#track">${t('common.track')}</a></li><li><a href="/discover">${t('discover.nav')}</a></li><li><a href="${STATUS_PATH}">${t(
    'status.nav',
  )}</a></li><li><a href="${VALIDATE_PATH}">${t('validate.nav')}</a></li><li><a href="${DASHBOARD_PATH}">${t('dashboard.nav')}</a></li><li><a href="${OPEN_DATA_PATH}">${t('openData.nav')}</a></li><li><a href="/developers">${t(
    'common.developers',
  )}</a></li><li>${signedIn ? html`<a href="${ACCOUNT_PATH}" id="nav-account">${t('account.nav.myReports')}</a>` : html`<a href="${SIGN_IN_PATH}" id="nav-account">${t('account.nav.signIn')}</a>`}</li></ul>`;

export function sendPublicPage(reply: FastifyReply, web: WebContext, t: Translator, page: PublicPage): FastifyReply {
  const origin = page.map ? tileOrigin(mapConfig(web.options).tileUrl) : undefined;
  const body = renderPage({
    t,
    title: page.title,
    main: page.main,
    area: 'citizen',
    path: page.path,
    nav: publicNav(t, accountSecretOf(reply.request) !== undefined),
    ...(page.head !== undefined && { head: page.head }),
    ...(page.scripts !== undefined && { scripts: page.scripts }),
    ...(page.map !== undefined && { map: page.map }),
  });
  reply.header(OFFLINE_HEADER, page.offlineUse ?? offlineUseOf(reply.request));
  return sendPage(reply, body, {
    ...(page.status !== undefined && { status: page.status }),
    ...(origin !== undefined && { imageOrigins: [origin] }),
    ...(page.cacheControl !== undefined && { cacheControl: page.cacheControl }),
  });
}
