/**
 * /staff/users: list, add, edit, (de)activate, reset password — administrators
 * only, each over the accounts within its jurisdiction scope (user-changes.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebContext } from '../../../context.js';
import type { Translator } from '../../../i18n/translate.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import { formText } from '../../../form.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import type { FieldError } from '../../forms/fields.js';
import { doneNotice } from '../done-notice.js';
import { pathParam } from '../../route-params.js';
import { createUser, reachableUser, resetPassword, setActive, updateProfile, type UserChange } from './user-changes.js';
import { scopeChoices, scopeError, scopeFieldId } from './scope-field.js';
import { EMPTY_DRAFT, fieldId, readNewPassword, readNewUser, readProfile, type UserDraft } from './user-input.js';
import { ACTIVE_BUTTON_ID, EDIT_USER_FORM, RESET_PASSWORD_FORM, userView } from './user-view.js';
import { NEW_USER_FORM, usersView } from './users-view.js';

const DONE = {
  created: 'staff.users.created',
  saved: 'staff.user.saved',
  deactivated: 'staff.user.deactivated',
  reactivated: 'staff.user.reactivated',
  'password-reset': 'staff.user.passwordReset',
} as const;

const userPath = (id: string): string => `/staff/users/${encodeURIComponent(id)}`;

export async function registerUserPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'admin') };
  const { store } = web.services;

  async function showUsers(request: FastifyRequest, reply: FastifyReply, form: { draft: UserDraft; errors: FieldError[]; status: number }) {
    const t = translatorFor(request, reply);
    const jurisdiction = await webJurisdiction(web);
    const within = currentStaff(request).user.jurisdictions;
    const [users, departments, scope] = await Promise.all([
      store.listUsers(within), store.listDepartments(jurisdiction.id), scopeChoices(store, within),
    ]);
    const main = usersView(t, {
      jurisdiction, users, departments, now: web.services.now(), notice: doneNotice(request, t, DONE), csrf: csrfField(request),
      scope, defaultScope: within === 'global' ? [jurisdiction.id] : within, ...form,
    });
    return sendStaffPage(request, reply, web, { title: t('staff.users.title'), main, status: form.status });
  }

  async function showUser(request: FastifyRequest, reply: FastifyReply, form: { draft?: UserDraft; errors: FieldError[]; status: number }) {
    const t = translatorFor(request, reply);
    const user = await reachableUser(web, currentStaff(request).user, pathParam(request, 'id'));
    if (!user) return sendStaffRefusal(request, reply, web, 'not-found');
    const jurisdiction = await webJurisdiction(web);
    const [departments, scope] = await Promise.all([
      store.listDepartments(jurisdiction.id), scopeChoices(store, currentStaff(request).user.jurisdictions),
    ]);
    const main = userView(t, { user, departments, notice: doneNotice(request, t, DONE), csrf: csrfField(request), scope, ...form });
    return sendStaffPage(request, reply, web, { title: user.name, main, status: form.status });
  }

  /** Redirects after a change, or shows the refusal on the user's page. */
  function after(request: FastifyRequest, reply: FastifyReply, t: Translator, change: UserChange, done: keyof typeof DONE, errorField: string) {
    if (change.ok) return reply.redirect(`${userPath(change.user.id)}?done=${done}`, 303);
    if (change.reason === 'not-found') return sendStaffRefusal(request, reply, web, 'not-found');
    if (change.reason === 'scope') {
      return showUser(request, reply, { errors: [scopeError(t, change.refusal, scopeFieldId(EDIT_USER_FORM))], status: 400 });
    }
    const message = change.reason === 'last-admin' ? t('staff.user.error.lastAdmin') : t('staff.users.error.emailTaken');
    return showUser(request, reply, { errors: [{ field: errorField, message }], status: 409 });
  }

  app.get('/staff/users', admin, (request, reply) => showUsers(request, reply, { draft: EMPTY_DRAFT, errors: [], status: 200 }));

  app.post('/staff/users', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const departments = await store.listDepartments((await webJurisdiction(web)).id);
    const { draft, input, errors } = readNewUser(request, t, departments, NEW_USER_FORM);
    if (!input) return showUsers(request, reply, { draft, errors, status: 400 });
    const created = await createUser(web, currentStaff(request).user, input);
    if (!created.ok && created.reason === 'scope') {
      return showUsers(request, reply, { draft, errors: [scopeError(t, created.refusal, scopeFieldId(NEW_USER_FORM))], status: 400 });
    }
    if (!created.ok) {
      const emailTaken = [{ field: fieldId(NEW_USER_FORM, 'email'), message: t('staff.users.error.emailTaken') }];
      return showUsers(request, reply, { draft, errors: emailTaken, status: 409 });
    }
    return reply.redirect('/staff/users?done=created', 303);
  });

  app.get('/staff/users/:id', admin, (request, reply) => showUser(request, reply, { errors: [], status: 200 }));

  app.post('/staff/users/:id', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const departments = await store.listDepartments((await webJurisdiction(web)).id);
    const { draft, input, errors } = readProfile(request, t, departments, EDIT_USER_FORM);
    if (!input) return showUser(request, reply, { draft, errors, status: 400 });
    const change = await updateProfile(web, currentStaff(request).user, pathParam(request, 'id'), input);
    return after(request, reply, t, change, 'saved', fieldId(EDIT_USER_FORM, 'role'));
  });

  app.post('/staff/users/:id/active', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const active = formText(request, 'active') === '1';
    const change = await setActive(web, currentStaff(request).user, pathParam(request, 'id'), active);
    return after(request, reply, t, change, active ? 'reactivated' : 'deactivated', ACTIVE_BUTTON_ID);
  });

  app.post('/staff/users/:id/password', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const { password, error } = readNewPassword(request, t, RESET_PASSWORD_FORM);
    if (password === undefined) return showUser(request, reply, { errors: error ? [error] : [], status: 400 });
    const change = await resetPassword(web, currentStaff(request).user, pathParam(request, 'id'), password);
    return after(request, reply, t, change, 'password-reset', fieldId(RESET_PASSWORD_FORM, 'password'));
  });
}
