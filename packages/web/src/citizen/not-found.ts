/** The friendly 404 of the public pages, with the way back to reporting and tracking. */
import type { FastifyReply } from 'fastify';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { sendPublicPage } from './page.js';
import { trackForm } from './track-form.js';

export function sendNotFound(reply: FastifyReply, web: WebContext, t: Translator, path: string, text?: string): FastifyReply {
  return sendPublicPage(reply, web, t, {
    title: t('common.notFound'),
    path,
    status: 404,
    main: html`<h1>${t('common.notFound')}</h1>
<p>${text ?? t('common.notFoundText')}</p>
${trackForm(t, 'track-again')}
<p><a href="/">${t('home.backToServices')}</a></p>`,
  });
}
