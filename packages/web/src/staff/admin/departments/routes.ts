/** /staff/departments: list, add, rename, delete (refused while in use) — administrators only. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { createDepartment, deleteDepartment, renameDepartment } from '@o311/server';
import { sendStaffRefusal } from '../../error-page.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import type { FieldError } from '../../forms/fields.js';
import { doneNotice } from '../done-notice.js';
import { pathParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { EMPTY_DEPARTMENT, readDepartment, type DepartmentDraft } from './department-input.js';
import { NEW_DEPARTMENT_IDS, deleteId, departmentsView, renameId } from './departments-view.js';

const DONE = {
  created: 'staff.departments.created',
  renamed: 'staff.departments.renamed',
  deleted: 'staff.departments.deleted',
} as const;

interface FormState {
  draft: DepartmentDraft;
  renaming?: { id: string; name: string };
  errors: FieldError[];
  status: number;
}

export async function registerDepartmentPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'admin') };
  const { store } = web.services;

  async function show(request: FastifyRequest, reply: FastifyReply, form: FormState) {
    const t = translatorFor(request, reply);
    const jurisdiction = await webJurisdiction(web);
    const departments = await store.listDepartments(jurisdiction.id);
    const main = departmentsView(t, { jurisdiction, departments, notice: doneNotice(request, t, DONE), csrf: csrfField(request), ...form });
    return sendStaffPage(request, reply, web, { title: t('staff.departments.title'), main, status: form.status });
  }

  /** The department of the path, in this jurisdiction. */
  async function target(request: FastifyRequest) {
    const jurisdiction = await webJurisdiction(web);
    const id = pathParam(request, 'id');
    return (await store.listDepartments(jurisdiction.id)).find((d) => d.id === id);
  }

  app.get('/staff/departments', admin, (request, reply) => show(request, reply, { draft: EMPTY_DEPARTMENT, errors: [], status: 200 }));

  app.post('/staff/departments', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { draft, errors } = readDepartment(request, t, NEW_DEPARTMENT_IDS);
    if (errors.length > 0) return show(request, reply, { draft, errors, status: 400 });
    const jurisdiction = await webJurisdiction(web);
    await createDepartment(web.services, webActorOf(currentStaff(request).user), jurisdiction.id, { name: draft.name, email: draft.email || null });
    return reply.redirect('/staff/departments?done=created', 303);
  });

  app.post('/staff/departments/:id', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const before = await target(request);
    if (!before) return sendStaffRefusal(request, reply, web, 'not-found');
    const { draft, errors } = readDepartment(request, t, { name: renameId(before), email: renameId(before) });
    if (errors.length > 0) {
      return show(request, reply, { draft: EMPTY_DEPARTMENT, renaming: { id: before.id, name: draft.name }, errors, status: 400 });
    }
    await renameDepartment(web.services, webActorOf(currentStaff(request).user), before, { name: draft.name, email: draft.email || null });
    return reply.redirect('/staff/departments?done=renamed', 303);
  });

  app.post('/staff/departments/:id/delete', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const department = await target(request);
    if (!department) return sendStaffRefusal(request, reply, web, 'not-found');
    const deleted = await deleteDepartment(web.services, webActorOf(currentStaff(request).user), department);
    if (!deleted.ok) {
      const errors = [{ field: deleteId(department), message: `${department.name}: ${t('staff.departments.inUse')}` }];
      return show(request, reply, { draft: EMPTY_DEPARTMENT, errors, status: 409 });
    }
    return reply.redirect('/staff/departments?done=deleted', 303);
  });
}
