/**
 * The page a browser gets when the server refuses what it sent (a 4xx such as
 * a form with a NUL character), instead of the API's error document: the
 * reasons, and the way back.
 */
import type { FastifyReply } from 'fastify';
import type { Open311Failure } from '@o311/georeport';
import type { WebContext } from '../context.js';
import { html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { sendPublicPage } from './page.js';

export function sendRefused(reply: FastifyReply, web: WebContext, t: Translator, path: string, failure: Open311Failure): FastifyReply {
  for (const [name, value] of Object.entries(failure.headers)) reply.header(name, value);
  return sendPublicPage(reply, web, t, {
    title: t('common.error'),
    path,
    status: failure.status,
    main: html`<h1>${t('common.error')}</h1>
<ul>${failure.errors.map((e) => html`<li>${e.description}</li>`)}</ul>
<p><a href="/">${t('home.backToServices')}</a></p>`,
  });
}
