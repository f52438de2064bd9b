/**
 * Response templates: GET /staff/templates (any staff); GET/POST
 * /staff/templates/new and /staff/templates/:id/edit, POST /staff/templates/:id/delete (administrators).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { deleteTemplate, saveTemplate } from '@o311/server';
import type { ResponseTemplate } from '@o311/store';
import type { WebContext } from '../../context.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { currentStaff, staffGuard } from '../guard.js';
import { webJurisdiction } from '../request/jurisdiction.js';
import { webActorOf } from '../staff-actor.js';
import { doneNotice, withDone } from '../forms/done.js';
import { sendTemplateEditor, sendTemplateList } from './pages.js';
import { draftOfTemplate, emptyTemplate, readTemplate, templateProblems, templateStatus } from './template-form.js';

const NOTICES = { saved: 'inbox.tpl.saved', deleted: 'inbox.tpl.deleted' } as const;

const idParam = (request: FastifyRequest): string => (request.params as { id?: string }).id ?? '';

async function findTemplate(web: WebContext, id: string): Promise<ResponseTemplate | undefined> {
  const j = await webJurisdiction(web);
  return (await web.services.store.listTemplates(j.id)).find((x) => x.id === id);
}

async function save(web: WebContext, request: FastifyRequest, reply: FastifyReply, existing: ResponseTemplate | undefined): Promise<FastifyReply> {
  const t = translatorFor(request, reply);
  const draft = readTemplate(request);
  const errors = templateProblems(t, draft);
  if (errors.length > 0) return sendTemplateEditor(request, reply, web, { draft, id: existing?.id, errors, status: 400 });
  const j = await webJurisdiction(web);
  await saveTemplate(web.services, webActorOf(currentStaff(request).user), {
    ...(existing ? { id: existing.id } : {}), jurisdiction_id: j.id, name: draft.name, body: draft.body, status: templateStatus(draft),
  });
  return reply.redirect(withDone('/staff/templates', 'saved'), 303);
}

export function registerTemplatePages(app: FastifyInstance, web: WebContext): void {
  const admin = { preHandler: staffGuard(web, 'admin') };

  app.get('/staff/templates', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const j = await webJurisdiction(web);
    const templates = await web.services.store.listTemplates(j.id);
    return sendTemplateList(request, reply, web, templates, doneNotice(translatorFor(request, reply), request.url, NOTICES));
  });

  app.get('/staff/templates/new', admin, async (request, reply) => sendTemplateEditor(request, reply, web, { draft: emptyTemplate() }));
  app.post('/staff/templates/new', admin, (request, reply) => save(web, request, reply, undefined));

  app.get('/staff/templates/:id/edit', admin, async (request, reply) => {
    const found = await findTemplate(web, idParam(request));
    if (!found) return sendStaffRefusal(request, reply, web, 'not-found');
    return sendTemplateEditor(request, reply, web, { draft: draftOfTemplate(found), id: found.id });
  });

  app.post('/staff/templates/:id/edit', admin, async (request, reply) => {
    const found = await findTemplate(web, idParam(request));
    if (!found) return sendStaffRefusal(request, reply, web, 'not-found');
    return save(web, request, reply, found);
  });

  app.post('/staff/templates/:id/delete', admin, async (request, reply) => {
    const found = await findTemplate(web, idParam(request));
    if (!found || !(await deleteTemplate(web.services, webActorOf(currentStaff(request).user), found))) {
      return sendStaffRefusal(request, reply, web, 'not-found');
    }
    return reply.redirect(withDone('/staff/templates', 'deleted'), 303);
  });
}
