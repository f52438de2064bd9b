/** The page of a refused account request: signed out (401) or a form without its token or from elsewhere (403). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import { sendPublicPage } from '../citizen/page.js';
import { pathAndQuery } from '../citizen/public-handler.js';
import { translatorFor } from '../request-locale.js';
import { SIGN_IN_PATH } from './paths.js';

export type AccountRefusal = 'signed-out' | 'csrf';

export function sendAccountRefusal(request: FastifyRequest, reply: FastifyReply, web: WebContext, why: AccountRefusal): FastifyReply {
  const t = translatorFor(request, reply);
  const text = why === 'signed-out' ? t('account.refused.signedOut') : t('account.refused.csrf');
  return sendPublicPage(reply, web, t, {
    title: t('common.error'),
    path: pathAndQuery(request),
    status: why === 'signed-out' ? 401 : 403,
    main: html`<h1>${t('common.error')}</h1>
<p id="account-refused">${text}</p>
<p><a href="${SIGN_IN_PATH}">${t('account.nav.signIn')}</a></p>`,
  });
}
