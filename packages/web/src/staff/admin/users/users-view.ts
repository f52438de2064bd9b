/** /staff/users: every staff account, and the form to add one. */
import type { Department, Jurisdiction, JurisdictionScope, StaffUser } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { passwordInput } from '../../auth/password-input.js';
import { ROLE_LABELS } from '../../roles.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, errorFor, selectField, textInput, type FieldError } from '../../forms/fields.js';
import { departmentChoices, roleChoices } from './user-choices.js';
import { scopeField, type ScopeChoices } from './scope-field.js';
import { fieldId, type UserDraft } from './user-input.js';

export const NEW_USER_FORM = 'new-user';

export interface UsersView {
  jurisdiction: Jurisdiction;
  users: readonly StaffUser[];
  departments: readonly Department[];
  now: number;
  notice: Html;
  draft: UserDraft;
  errors: readonly FieldError[];
  csrf: Html;
  scope: ScopeChoices;
  /** Checked in the form: the admin's own scope, or for a global admin the jurisdiction served here. */
  defaultScope: JurisdictionScope;
}

function statusText(t: Translator, u: StaffUser, v: UsersView): string {
  if (!u.active) return t('staff.users.inactive');
  if (u.locked_until !== null && u.locked_until > v.now) {
    return t('staff.users.lockedUntil', { time: t.dateTime(u.locked_until, v.jurisdiction.timezone) });
  }
  return t('staff.users.active');
}

function usersTable(t: Translator, v: UsersView): Html {
  const departmentName = new Map(v.departments.map((d) => [d.id, d.name]));
  const sorted = [...v.users].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
  return html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.users.caption')}</caption>
<thead><tr><th scope="col">${t('staff.users.name')}</th><th scope="col">${t('staff.users.email')}</th><th scope="col">${t('staff.users.role')}</th><th scope="col">${t('staff.users.department')}</th><th scope="col">${t('staff.users.status')}</th></tr></thead>
<tbody>${sorted.map((u) => html`<tr${u.active ? '' : html` class="admin-inactive"`}>
<th scope="row"><a href="/staff/users/${encodeURIComponent(u.id)}">${u.name}</a></th>
<td>${u.email}</td><td>${t(ROLE_LABELS[u.role])}${u.role === 'agent' && u.call_taker ? html`, ${t('staff.users.takesCalls')}` : ''}</td>
<td>${(u.department_id !== null ? departmentName.get(u.department_id) : undefined) ?? '—'}</td>
<td>${statusText(t, u, v)}</td></tr>`)}</tbody>
</table></div>`;
}

function newUserForm(t: Translator, v: UsersView): Html {
  const id = (f: keyof UserDraft | 'password'): string => fieldId(NEW_USER_FORM, f);
  return html`<section class="admin-section" aria-labelledby="new-user-title">
<h2 id="new-user-title">${t('staff.users.add')}</h2>
${errorSummary(t, v.errors)}
<form method="post" action="/staff/users" class="admin-form" novalidate>${v.csrf}
${textInput({ id: id('name'), name: 'name', label: t('staff.users.name'), value: v.draft.name, required: true, error: errorFor(v.errors, id('name')), extra: html` autocomplete="off"` })}
${textInput({ id: id('email'), name: 'email', type: 'email', label: t('staff.users.email'), value: v.draft.email, required: true, error: errorFor(v.errors, id('email')), extra: html` autocomplete="off" spellcheck="false"` })}
${selectField({ id: id('role'), name: 'role', label: t('staff.users.role'), value: v.draft.role, choices: roleChoices(t), required: true, error: errorFor(v.errors, id('role')) })}
${selectField({ id: id('department'), name: 'department', label: t('staff.users.department'), value: v.draft.department, choices: departmentChoices(t, v.departments), error: errorFor(v.errors, id('department')) })}
${checkbox({
    id: id('call_taker'), name: 'call_taker', label: t('staff.user.callTaker'), hint: t('staff.user.callTakerHint'), checked: v.draft.call_taker,
    error: errorFor(v.errors, id('call_taker')),
  })}
${scopeField(t, NEW_USER_FORM, v.scope, v.defaultScope)}
${passwordInput({
    id: id('password'), name: 'password', label: t('staff.users.initialPassword'), autocomplete: 'new-password', minLength: MIN_PASSWORD_LENGTH,
    hint: t('staff.users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH }), error: errorFor(v.errors, id('password')),
  })}
<button type="submit">${t('staff.users.addSubmit')}</button>
</form>
</section>`;
}

export function usersView(t: Translator, v: UsersView): Html {
  return html`<h1>${t('staff.users.title')}</h1>
${v.notice}
${usersTable(t, v)}
${newUserForm(t, v)}`;
}
