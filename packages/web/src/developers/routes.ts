/**
 * GET /developers (the page and its key form), POST /developers/keys (ask for
 * a key: a verification link is mailed), GET /developers/keys/verify (a
 * button: mail scanners prefetch links, only a person presses it) and its
 * POST (verify; the key is mailed at once unless approval is required).
 * Forms sent without a session check that they come from this site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '@o311/georeport';
import { askForKey, developerSettings, keyRequestOfLink, termsDigest, verifyKeyRequest } from '@o311/server';
import type { WebContext } from '../context.js';
import type { Html } from '../html.js';
import { formText } from '../form.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import { mapCenter } from '../citizen/map-center.js';
import { publicBase } from '../citizen/origin.js';
import { mailBase } from '../mail/notify.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { comesFromThisSite } from '../staff/auth/csrf.js';
import { sendRefused } from '../citizen/refused-page.js';
import { developersPage } from './developers-page.js';
import type { ExampleTarget } from './examples.js';
import { EMPTY_DRAFT, readKeyRequest } from './key-request-input.js';
import type { KeyFormState } from './key-request-form.js';
import { verifyMail } from './key-mails.js';
import { DEVELOPERS_PATH, KEY_REQUEST_PATH, VERIFY_PATH, verifyLink } from './paths.js';
import { confirmPage, LINK_TTL_HOURS, refusedLinkPage, sentPage, verifiedPage } from './verify-pages.js';

const opts = { schema: { hide: true } };
/** The longest link secret read: ours are 49 characters. */
const MAX_TOKEN_LENGTH = 100;

/** The terms in force, as the reader sees them: the admins' text, or the default in the reader's language. */
const termsShown = (t: Translator, terms: string | undefined): string => terms ?? t('developers.defaultTerms');

async function exampleTarget(web: WebContext, request: FastifyRequest): Promise<ExampleTarget> {
  const j = await webJurisdiction(web);
  const [services, center] = await Promise.all([web.services.store.listServices(j.id), mapCenter(web.services.store, j)]);
  // A service without required questions posts with the fewest fields.
  const service = services.find((s) => !s.attributes.some((a) => a.required)) ?? services[0];
  const sandboxKey = web.services.sandbox?.apiKey;
  return {
    base: publicBase(web, request), jurisdictionId: j.id, serviceCode: service?.service_code ?? 'SERVICE_CODE', lat: center.lat, long: center.long,
    ...(sandboxKey !== undefined && { sandboxKey }),
  };
}

export function registerDeveloperPages(app: FastifyInstance, web: WebContext): void {
  const show = (request: FastifyRequest, reply: FastifyReply, title: string, main: Html, status = 200) =>
    sendPublicPage(reply, web, translatorFor(request, reply), { title, main, status, path: pathAndQuery(request) });

  async function page(request: FastifyRequest, reply: FastifyReply, form: Omit<KeyFormState, 'terms' | 'approvalRequired'>, status = 200) {
    const t = translatorFor(request, reply);
    const [settings, example] = await Promise.all([developerSettings(web.services.store), exampleTarget(web, request)]);
    const state = { ...form, terms: termsShown(t, settings.terms), approvalRequired: settings.approvalRequired };
    return show(request, reply, t('developers.title'), developersPage(t, { example, form: state }), status);
  }

  const refuseForeign = (request: FastifyRequest, reply: FastifyReply) =>
    sendRefused(reply, web, translatorFor(request, reply), pathAndQuery(request), forbidden('This form must be sent from this site.'));

  app.get(DEVELOPERS_PATH, opts, publicHandler(web, (request, reply) => page(request, reply, { draft: EMPTY_DRAFT, errors: [] })));

  app.post(KEY_REQUEST_PATH, opts, publicHandler(web, async (request, reply) => {
    if (!comesFromThisSite(web, request)) return refuseForeign(request, reply);
    const t = translatorFor(request, reply);
    const { draft, errors } = readKeyRequest(request, t);
    if (errors.length > 0) return page(request, reply, { draft, errors }, 400);
    const settings = await developerSettings(web.services.store);
    const { email: typed, accepted: _, ...fields } = draft;
    const email = typed.toLowerCase();
    const asked = await askForKey(web.services, { ...fields, email, locale: t.locale, terms_digest: termsDigest(termsShown(t, settings.terms)) }, request.ip);
    if (asked.kind === 'busy') {
      reply.header('retry-after', String(asked.retryAfterSeconds));
      return page(request, reply, { draft, errors: [], problem: t('developers.key.busy') }, 429);
    }
    if (asked.kind === 'duplicate') return page(request, reply, { draft, errors: [], problem: t('developers.key.duplicate', { hours: LINK_TTL_HOURS }) }, 409);
    await web.mailer.send(verifyMail(t, asked.request, verifyLink(mailBase(web), asked.secret)));
    return show(request, reply, t('developers.sent.title'), sentPage(t, email));
  }));

  app.get(VERIFY_PATH, opts, async (request, reply) => {
    const t = translatorFor(request, reply);
    const token = param(request.query, 'token').slice(0, MAX_TOKEN_LENGTH);
    const found = token === '' ? undefined : await keyRequestOfLink(web.services, token);
    if (!found) return show(request, reply, t('developers.verify.refusedTitle'), refusedLinkPage(t, 'unknown'), 404);
    return show(request, reply, t('developers.verify.title'), confirmPage(t, token, found.app_name));
  });

  app.post(VERIFY_PATH, opts, async (request, reply) => {
    if (!comesFromThisSite(web, request)) return refuseForeign(request, reply);
    const t = translatorFor(request, reply);
    const token = formText(request, 'token');
    const verified = token === '' || token.length > MAX_TOKEN_LENGTH ? ({ kind: 'unknown' } as const) : await verifyKeyRequest(web.services, token);
    switch (verified.kind) {
      case 'issued':
      case 'pending':
        return show(request, reply, t('developers.verify.title'), verifiedPage(t, verified.kind === 'issued'));
      case 'unknown':
        return show(request, reply, t('developers.verify.refusedTitle'), refusedLinkPage(t, 'unknown'), 404);
      case 'used':
      case 'expired':
        return show(request, reply, t('developers.verify.refusedTitle'), refusedLinkPage(t, verified.kind), 410);
    }
  });
}
