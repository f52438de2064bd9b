/**
 * The services editor: GET /staff/services (any staff), GET/POST
 * /staff/services/new and /staff/services/:code/edit (administrators).
 * Saving goes through the server's changeService, the same validation and audit as the staff API.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeService, resendRisk } from '@o311/server';
import type { ServiceRecord } from '@o311/store';
import type { WebContext } from '../../context.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { readForm } from '../../form.js';
import { currentStaff, staffGuard } from '../guard.js';
import { loadDirectory } from '../inbox/directory.js';
import { webJurisdiction } from '../request/jurisdiction.js';
import { webActorOf } from '../staff-actor.js';
import { draftOfRecord, emptyDraft, type ServiceDraft } from './draft.js';
import { sendEditorPage } from './editor-page.js';
import { doneNotice, withDone } from '../forms/done.js';
import { sendServiceList } from './list-page.js';
import { applyRowCommand, parseCommand, parseDraft } from './parse-draft.js';
import { saveProblems } from './problems.js';
import { toServiceInput } from './to-input.js';

const codeParam = (request: FastifyRequest): string => (request.params as { code?: string }).code ?? '';

async function groupsOf(web: WebContext): Promise<string[]> {
  return (await loadDirectory(web, await webJurisdiction(web))).groups;
}

/** Handles a posted editor form: add/remove a question, or save. */
async function postEditor(
  web: WebContext, request: FastifyRequest, reply: FastifyReply, existing: ServiceRecord | undefined,
): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const fields = readForm(request);
  const command = parseCommand(fields);
  const posted: ServiceDraft = { ...parseDraft(fields), ...(existing ? { code: existing.service_code } : {}) };
  const editing = existing?.service_code;
  const groups = await groupsOf(web);
  if (command.kind !== 'save') {
    const draft = applyRowCommand(posted, command);
    const focus = command.kind === 'add-attribute' ? { focusRow: draft.attributes.length - 1 } : { focusAdd: true };
    return sendEditorPage(request, reply, web, { draft, editing, groups, ...focus });
  }
  const jurisdiction = await webJurisdiction(web);
  const { input, problems } = toServiceInput(t, posted, existing);
  if (problems.length > 0) return sendEditorPage(request, reply, web, { draft: posted, editing, groups, errors: problems, status: 400 });
  try {
    await changeService(web.services, webActorOf(currentStaff(request).user), jurisdiction, posted.code, input, existing ? 'upsert' : 'create');
  } catch (err) {
    const errors = saveProblems(t, err);
    if (!errors) throw err;
    return sendEditorPage(request, reply, web, { draft: posted, editing, groups, errors, status: 400 });
  }
  return reply.redirect(withDone('/staff/services', 'saved'), 303);
}

async function findService(web: WebContext, code: string): Promise<ServiceRecord | undefined> {
  return web.services.store.getService((await webJurisdiction(web)).id, code);
}

export function registerServiceEditorPages(app: FastifyInstance, web: WebContext): void {
  const admin = { preHandler: staffGuard(web, 'admin') };

  app.get('/staff/services', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const j = await webJurisdiction(web);
    const services = await web.services.store.listServices(j.id, { includeInactive: true });
    return sendServiceList(request, reply, web, services, doneNotice(translatorFor(request, reply), request.url, { saved: 'inbox.svc.saved' }));
  });

  app.get('/staff/services/new', admin, async (request, reply) =>
    sendEditorPage(request, reply, web, { draft: emptyDraft(), groups: await groupsOf(web) }));

  app.post('/staff/services/new', admin, (request, reply) => postEditor(web, request, reply, undefined));

  app.get('/staff/services/:code/edit', admin, async (request, reply) => {
    const service = await findService(web, codeParam(request));
    if (!service) return sendStaffRefusal(request, reply, web, 'not-found');
    const risk = await resendRisk(web.services, await webJurisdiction(web), service);
    return sendEditorPage(request, reply, web, {
      draft: draftOfRecord(service), editing: service.service_code, groups: await groupsOf(web), resendRisk: risk,
    });
  });

  app.post('/staff/services/:code/edit', admin, async (request, reply) => {
    const service = await findService(web, codeParam(request));
    if (!service) return sendStaffRefusal(request, reply, web, 'not-found');
    return postEditor(web, request, reply, service);
  });
}
