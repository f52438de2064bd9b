/**
 * The reporter's pages: GET/POST /reporter/update (comment, photo, reopen)
 * and GET/POST /reporter/fixed (the "is it fixed?" answer). A GET never
 * changes anything. A wrong or expired proof is a 404 that says so.
 */
import type { FastifyInstance } from 'fastify';
import { field, type FormFields } from '@o311/georeport';
import { reporterServices } from '@o311/server';
import { REPORTER_ANSWERS, type ReporterAnswer } from '@o311/store';
import type { WebContext } from '../context.js';
import { readForm } from '../form.js';
import { CSRF_FIELD } from '../staff/auth/csrf.js';
import { translatorFor } from '../request-locale.js';
import { sendPublicPage } from '../citizen/page.js';
import { param, pathAndQuery, publicHandler } from '../citizen/public-handler.js';
import { notifySafely } from '../mail/notify-safely.js';
import { isMailed, reporterAccess, type ReporterAccess, type ReporterProof } from './access.js';
import { sendBadLink } from './bad-link.js';
import { fixedAskPage, fixedDonePage } from './fixed-pages.js';
import { FIXED_PATH, UPDATE_PATH } from './paths.js';
import { sendUpdateForm, takeUpdate } from './update-routes.js';

const opts = { schema: { hide: true } };

const proofOf = (source: unknown): ReporterProof => ({ token: param(source, 'token'), request: param(source, 'request') });
const formProof = (fields: FormFields): ReporterProof => ({ token: field(fields, 'token') ?? '', request: field(fields, 'request') ?? '', csrf: field(fields, CSRF_FIELD) ?? '' });
const answerOf = (s: string | undefined): ReporterAnswer | undefined => REPORTER_ANSWERS.find((a) => a === s);

/** Whether a "no" would reopen: the request is closed and the window after its last closing still open. */
async function noReopens(web: WebContext, a: ReporterAccess): Promise<boolean> {
  const r = await web.services.store.getRequest(a.j.id, a.requestId);
  return r !== undefined && (await reporterServices.mayReopen(web.services, a.j, r));
}

/** A link that no longer asks (answered already, or nothing was asked): the POST's refusal, shown at once. */
async function settled(web: WebContext, a: ReporterAccess): Promise<'answered' | 'noQuestion' | undefined> {
  const q = await web.services.store.reporter.latestQuestion(a.j.id, a.requestId);
  if (!q) return 'noQuestion';
  return q.answer === null ? undefined : 'answered';
}

export function registerReporterRoutes(app: FastifyInstance, web: WebContext): void {
  app.get(UPDATE_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const access = await reporterAccess(web, request, proofOf(request.query));
    if (!access) return sendBadLink(web, request, reply, t);
    return sendUpdateForm(web, request, reply, t, access, { comment: '', reopen: false, errors: [] });
  }));

  app.post(UPDATE_PATH, opts, publicHandler(web, (request, reply) => takeUpdate(web, request, reply, formProof)));

  app.get(FIXED_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const access = await reporterAccess(web, request, { token: param(request.query, 'token'), request: '' });
    const answer = answerOf(param(request.query, 'answer'));
    if (!isMailed(access) || !answer) return sendBadLink(web, request, reply, t);
    const done = await settled(web, access);
    const main = done ? fixedDonePage(t, access, done) : fixedAskPage(t, { access, answer, reopens: await noReopens(web, access), comment: '' });
    return sendPublicPage(reply, web, t, { title: t('reporter.fixed.title', { id: access.requestId }), path: pathAndQuery(request), main });
  }));

  app.post(FIXED_PATH, opts, publicHandler(web, async (request, reply) => {
    const t = translatorFor(request, reply);
    const fields = readForm(request);
    const access = await reporterAccess(web, request, { token: field(fields, 'token') ?? '', request: '' });
    const answer = answerOf(field(fields, 'answer'));
    if (!isMailed(access) || !answer) return sendBadLink(web, request, reply, t);
    const comment = field(fields, 'comment') ?? '';
    const done = await reporterServices.answerFixed(web.services, access.j, access.requestId, answer, comment);
    const title = t('reporter.fixed.title', { id: access.requestId });
    if (!done.ok && done.reason === 'tooLong') {
      const view = { access, answer, reopens: await noReopens(web, access), comment, error: t('reporter.error.tooLong', { max: reporterServices.MAX_REPORTER_COMMENT }) };
      return sendPublicPage(reply, web, t, { title, path: pathAndQuery(request), status: 400, main: fixedAskPage(t, view) });
    }
    if (!done.ok) {
      const outcome = done.reason === 'answered' ? 'answered' : 'noQuestion';
      return sendPublicPage(reply, web, t, { title, path: pathAndQuery(request), status: 409, main: fixedDonePage(t, access, outcome) });
    }
    if (done.value !== 'recorded' || comment.trim() !== '') await notifySafely(web, request, access.j.id, access.requestId);
    return sendPublicPage(reply, web, t, { title, path: pathAndQuery(request), main: fixedDonePage(t, access, done.value) });
  }));
}
