/**
 * GET /staff/requests/:id (any staff) and its actions POST
 * /staff/requests/:id/{update,status,comment,triage,duplicate} (agents,
 * admins), plus …/template, which only shows the one form again with a
 * template inserted (the "Insert" button without JavaScript).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';
import type { MessageKey } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { readForm } from '../../form.js';
import { currentStaff, staffGuard } from '../guard.js';
import { doneNotice, withDone } from '../forms/done.js';
import { addComment } from './actions/add-comment.js';
import { changeStatus } from './actions/change-status.js';
import { markDuplicate } from './actions/mark-duplicate.js';
import { saveRequest } from './actions/save-request.js';
import type { Done, RequestAction } from './actions/types.js';
import { updateTriage } from './actions/update-triage.js';
import { FIELDS, requestPath, type ActionPath } from './fields.js';
import { templateValues } from './forms/template-picker.js';
import { insertTemplate } from './insert-template.js';
import { loadRequestPage } from './load.js';
import { sendRequestPage } from './page.js';

const ACTIONS: Record<ActionPath, RequestAction> = {
  update: saveRequest,
  status: changeStatus,
  comment: addComment,
  triage: updateTriage,
  duplicate: markDuplicate,
};

const NOTICES: Record<Done, MessageKey> = {
  saved: 'reqform.saved',
  status: 'inbox.req.done.status',
  reply: 'inbox.req.done.reply',
  note: 'inbox.req.done.note',
  triage: 'inbox.req.done.triage',
  unchanged: 'inbox.req.done.unchanged',
  duplicate: 'inbox.req.done.duplicate',
};

const idParam = (request: FastifyRequest): string => (request.params as { id?: string }).id ?? '';

/** Every field of the posted form (first values), to show it again next to the errors. */
const sentValues = (request: FastifyRequest): Record<string, string> =>
  Object.fromEntries([...readForm(request)].map(([k, v]) => [k, v[0] ?? '']));

async function showRequest(web: WebContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const data = await loadRequestPage(web, idParam(request), t.locale);
  if (!data) return sendStaffRefusal(request, reply, web, 'not-found');
  const chosen = new URL(request.url, 'http://o311.invalid').searchParams.get(FIELDS.template.name) ?? '';
  const template = data.templates.find((x) => x.id === chosen);
  return sendRequestPage(request, reply, web, data, {
    errors: [], values: template ? templateValues(template) : {}, notice: doneNotice(t, request.url, NOTICES),
  });
}

export function registerRequestPages(app: FastifyInstance, web: WebContext): void {
  app.get('/staff/requests/:id', { preHandler: staffGuard(web, 'read') }, (request, reply) => showRequest(web, request, reply));

  app.post('/staff/requests/:id/template', { preHandler: staffGuard(web, 'manage-requests') }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const data = await loadRequestPage(web, idParam(request), t.locale);
    if (!data) return sendStaffRefusal(request, reply, web, 'not-found');
    return sendRequestPage(request, reply, web, data, insertTemplate(t, data, sentValues(request)));
  });

  for (const [path, action] of Object.entries(ACTIONS)) {
    app.post(`/staff/requests/:id/${path}`, { preHandler: staffGuard(web, 'manage-requests') }, async (request, reply) => {
      const t = translatorFor(request, reply);
      const data = await loadRequestPage(web, idParam(request), t.locale);
      if (!data) return sendStaffRefusal(request, reply, web, 'not-found');
      const outcome = await action({ web, request, t, user: currentStaff(request).user, data });
      if ('done' in outcome) return reply.redirect(withDone(requestPath(data.request.id), outcome.done), 303);
      return sendRequestPage(request, reply, web, data, { errors: outcome.errors, values: sentValues(request), status: 400 });
    });
  }
}
