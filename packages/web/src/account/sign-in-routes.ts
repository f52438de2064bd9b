/**
 * GET/POST /account/sign-in (ask for a link: the same answer for every
 * address), GET /account/link (a button: mail scanners prefetch links, only a
 * person presses it), POST /account/link (consume the link, open the session)
 * and POST /account/sign-out. The forms sent before a session exists check
 * that they come from this site; the sign-out form carries the session's token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import { formText } from '../form.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery } from '../citizen/public-handler.js';
import { rememberLocale, translatorFor } from '../request-locale.js';
import { comesFromThisSite } from '../staff/auth/csrf.js';
import { citizenOf, currentCitizen, rememberCitizen } from './authenticate.js';
import { accountGuard } from './guard.js';
import { ACCOUNT_PATH, LINK_PATH, SIGN_IN_PATH, SIGN_OUT_PATH } from './paths.js';
import { sendAccountRefusal } from './refusal.js';
import { clearAccountCookie, setAccountCookie } from './session-cookie.js';
import { requestSignInLink, useSignInLink } from './sign-in.js';
import { confirmLinkPage, linkRefusedPage, sentPage, signInPage } from './sign-in-pages.js';

/** The longest link secret read: ours are 49 characters. */
const MAX_TOKEN_LENGTH = 100;

const minutesOf = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));

function show(request: FastifyRequest, reply: FastifyReply, web: WebContext, title: string, main: Html, status = 200): FastifyReply {
  return sendPublicPage(reply, web, translatorFor(request, reply), { title, main, status, path: pathAndQuery(request) });
}

export function registerSignInRoutes(app: FastifyInstance, web: WebContext): void {
  app.get(SIGN_IN_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (await citizenOf(web, request)) return reply.redirect(ACCOUNT_PATH, 303);
    const t = translatorFor(request, reply);
    const notice = param(request.query, 'done') === 'signed-out' ? t('account.signedOut') : undefined;
    return show(request, reply, web, t('account.signIn.title'), signInPage(t, { email: '', ...(notice && { notice }) }));
  });

  app.post(SIGN_IN_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!comesFromThisSite(web, request)) return sendAccountRefusal(request, reply, web, 'csrf');
    const t = translatorFor(request, reply);
    const asked = await requestSignInLink(web, request, t, formText(request, 'email'));
    switch (asked.kind) {
      case 'sent':
        return show(request, reply, web, t('account.sent.title'), sentPage(t, asked.email));
      case 'invalid':
        return show(request, reply, web, t('account.signIn.title'), signInPage(t, { email: asked.email, error: t('account.signIn.invalid') }), 400);
      case 'throttled': {
        const minutes = minutesOf(asked.retryAfterMs);
        reply.header('retry-after', String(Math.ceil(asked.retryAfterMs / 1000)));
        return show(request, reply, web, t('account.signIn.title'), signInPage(t, { email: asked.email, error: t('account.signIn.tooMany', { minutes }) }), 429);
      }
    }
  });

  app.get(LINK_PATH, { schema: { hide: true } }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = param(request.query, 'token').slice(0, MAX_TOKEN_LENGTH);
    if (token === '') return show(request, reply, web, t('account.link.refusedTitle'), linkRefusedPage(t, 'unknown'), 404);
    return show(request, reply, web, t('account.link.title'), confirmLinkPage(t, token));
  });

  app.post(LINK_PATH, { schema: { hide: true } }, async (request, reply) => {
    if (!comesFromThisSite(web, request)) return sendAccountRefusal(request, reply, web, 'csrf');
    const t = translatorFor(request, reply);
    const token = formText(request, 'token');
    const used = token === '' || token.length > MAX_TOKEN_LENGTH ? ({ ok: false, reason: 'unknown' } as const) : await useSignInLink(web, request, token);
    if (!used.ok) {
      const retry = used.reason === 'throttled' ? used.retryAfterMs : 0;
      if (retry > 0) reply.header('retry-after', String(Math.ceil(retry / 1000)));
      const status = used.reason === 'throttled' ? 429 : used.reason === 'unknown' ? 404 : 410;
      return show(request, reply, web, t('account.link.refusedTitle'), linkRefusedPage(t, used.reason, minutesOf(retry)), status);
    }
    setAccountCookie(reply, web, used.secret);
    if (used.account.locale !== null) rememberLocale(reply, used.account.locale);
    rememberCitizen(request, { account: used.account, session: used.session });
    return reply.redirect(ACCOUNT_PATH, 303);
  });

  app.post(SIGN_OUT_PATH, { schema: { hide: true }, preHandler: accountGuard(web) }, async (request, reply) => {
    const { session } = currentCitizen(request);
    await web.services.store.citizens.revokeSession(session.id, web.services.now());
    rememberCitizen(request, undefined);
    clearAccountCookie(reply, web);
    return reply.redirect(`${SIGN_IN_PATH}?done=signed-out`, 303);
  });
}
