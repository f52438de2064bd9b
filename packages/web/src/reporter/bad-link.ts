/** The answer to a wrong or expired reporter link (or a request the signed-in citizen does not own): a 404 that says so. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { sendPublicPage } from '../citizen/page.js';
import { pathAndQuery } from '../citizen/public-handler.js';
import { badReporterLinkPage } from './fixed-pages.js';

export function sendBadLink(web: WebContext, request: FastifyRequest, reply: FastifyReply, t: Translator): FastifyReply {
  return sendPublicPage(reply, web, t, { title: t('reporter.badLinkTitle'), path: pathAndQuery(request), status: 404, main: badReporterLinkPage(t) });
}
