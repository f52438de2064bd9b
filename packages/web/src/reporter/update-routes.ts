/**
 * The update page and its POST: multipart with at most one photo, read and
 * checked exactly as the report form's (readReportInput: size, count and
 * pixel limits, an image by its bytes, metadata stripped). Refusals show the
 * page again with what was typed; a success goes to the tracker's timeline.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { field, type FormFields } from '@o311/georeport';
import { reporterServices, type Limits } from '@o311/server';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { translatorFor } from '../request-locale.js';
import { sendPublicPage } from '../citizen/page.js';
import { pathAndQuery } from '../citizen/public-handler.js';
import type { FieldError } from '../citizen/report-check.js';
import { droppedMessage } from '../citizen/photo-limits.js';
import { readReportInput, type ReportInput } from '../citizen/report-input.js';
import { notifySafely } from '../mail/notify-safely.js';
import { statusLabel } from '../tracker/status-label.js';
import { trackerPath } from '../tracker/paths.js';
import { reporterAccess, type ReporterAccess, type ReporterProof } from './access.js';
import { UPDATE_IDS, updatePage } from './update-page.js';
import { sendBadLink } from './bad-link.js';
import { serviceNameOf } from './service-name.js';

interface Typed {
  comment: string;
  reopen: boolean;
  errors: readonly FieldError[];
}

export async function sendUpdateForm(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translator,
  access: ReporterAccess,
  typed: Typed,
  status = 200,
): Promise<FastifyReply> {
  const r = await web.services.store.getRequest(access.j.id, access.requestId);
  if (!r) return sendBadLink(web, request, reply, t);
  const serviceName = await serviceNameOf(web, access.j, r, t.locale);
  const mayReopen = await reporterServices.mayReopen(web.services, access.j, r);
  const closed = (await reporterServices.lastClosedAt(web.services, access.j, r)) !== undefined;
  return sendPublicPage(reply, web, t, {
    title: t('reporter.update.title', { id: r.id }),
    path: pathAndQuery(request),
    status,
    main: updatePage(t, { access, serviceName, status: statusLabel(t, r.status), mayReopen, closed, ...typed }),
  });
}

function photoErrors(t: Translator, input: ReportInput, limits: Limits): FieldError[] {
  const at = (message: string): FieldError => ({ id: UPDATE_IDS.photo, message });
  if (input.overLimit === 'count' || input.photos.length > 1) return [at(t('reporter.error.onePhoto'))];
  // A photo over a size limit is dropped by the reader and named here, with the limit (citizen/report-multipart.ts).
  if (input.dropped.length > 0) return input.dropped.map((d) => at(droppedMessage(t, limits, d)));
  return [...input.notImages.map((name) => at(t('photos.notImage', { name }))), ...input.tooManyPixels.map((name) => at(t('photos.tooManyPixels', { name })))];
}

const REFUSAL_KEYS = {
  empty: 'reporter.error.empty',
  tooLong: 'reporter.error.tooLong',
  notClosed: 'reporter.error.notClosed',
  windowPassed: 'reporter.error.windowPassed',
} as const;

export async function takeUpdate(
  web: WebContext,
  request: FastifyRequest,
  reply: FastifyReply,
  proofOf: (fields: FormFields) => ReporterProof,
): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  // A malformed body is the server's 400 page (readReportInput throws it).
  const input = await readReportInput(request, web.services.limits);
  const access = await reporterAccess(web, request, proofOf(input.fields));
  if (!access) return sendBadLink(web, request, reply, t);
  const comment = field(input.fields, 'comment') ?? '';
  const reopen = field(input.fields, 'reopen') === '1';
  const errors = photoErrors(t, input, web.services.limits);
  if (errors.length > 0) return sendUpdateForm(web, request, reply, t, access, { comment, reopen, errors }, 400);
  const done = await reporterServices.addReporterUpdate(web.services, access.j, access.requestId, { comment, reopen, ...(input.photos[0] && { photo: input.photos[0] }) });
  if (!done.ok) {
    if (done.reason === 'unknownRequest' || done.reason === 'noQuestion' || done.reason === 'answered') return sendBadLink(web, request, reply, t);
    const id = done.reason === 'empty' || done.reason === 'tooLong' ? UPDATE_IDS.comment : UPDATE_IDS.reopen;
    const message = t(REFUSAL_KEYS[done.reason], { max: reporterServices.MAX_REPORTER_COMMENT });
    const status = done.reason === 'windowPassed' || done.reason === 'notClosed' ? 409 : 400;
    return sendUpdateForm(web, request, reply, t, access, { comment, reopen: false, errors: [{ id, message }] }, status);
  }
  await notifySafely(web, request, access.j.id, access.requestId);
  return reply.redirect(`${trackerPath(access.requestId)}#timeline`, 303);
}
