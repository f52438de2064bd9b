/** /staff/users/:id: one account — role and department, access, password reset. */
import type { Department, StaffUser } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { passwordInput } from '../../auth/password-input.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, errorFor, selectField, textInput, type FieldError } from '../../forms/fields.js';
import { departmentChoices, roleChoices } from './user-choices.js';
import { scopeField, type ScopeChoices } from './scope-field.js';
import { fieldId, type UserDraft } from './user-input.js';

export const EDIT_USER_FORM = 'edit-user';
export const RESET_PASSWORD_FORM = 'reset';
/** The (de)activate button, target of the error summary when that change is refused. */
export const ACTIVE_BUTTON_ID = 'edit-user-active';

export interface UserView {
  user: StaffUser;
  departments: readonly Department[];
  notice: Html;
  /** The profile form as typed, after a refusal. */
  draft?: UserDraft;
  errors: readonly FieldError[];
  csrf: Html;
  scope: ScopeChoices;
}

const draftOf = (u: StaffUser): UserDraft => ({
  name: u.name, email: u.email, role: u.role, department: u.department_id ?? '', call_taker: u.call_taker,
});

function profileForm(t: Translator, v: UserView, action: string): Html {
  const draft = v.draft ?? draftOf(v.user);
  const id = (f: keyof UserDraft): string => fieldId(EDIT_USER_FORM, f);
  return html`<section class="admin-section" aria-labelledby="profile-title">
<h2 id="profile-title">${t('staff.user.details')}</h2>
<form method="post" action="${action}" class="admin-form" novalidate>${v.csrf}
${textInput({ id: id('name'), name: 'name', label: t('staff.users.name'), value: draft.name, required: true, error: errorFor(v.errors, id('name')) })}
${selectField({ id: id('role'), name: 'role', label: t('staff.users.role'), value: draft.role, choices: roleChoices(t), required: true, error: errorFor(v.errors, id('role')) })}
${selectField({ id: id('department'), name: 'department', label: t('staff.users.department'), value: draft.department, choices: departmentChoices(t, v.departments), error: errorFor(v.errors, id('department')) })}
${checkbox({ id: id('call_taker'), name: 'call_taker', label: t('staff.user.callTaker'), hint: t('staff.user.callTakerHint'), checked: draft.call_taker, error: errorFor(v.errors, id('call_taker')) })}
${scopeField(t, EDIT_USER_FORM, v.scope, v.user.jurisdictions)}
<button type="submit">${t('staff.user.save')}</button>
</form>
</section>`;
}

function accessForm(t: Translator, v: UserView, action: string): Html {
  const { active } = v.user;
  return html`<section class="admin-section" aria-labelledby="access-title">
<h2 id="access-title">${t('staff.user.access')}</h2>
<p>${t('staff.users.status')}: <strong>${active ? t('staff.users.active') : t('staff.users.inactive')}</strong></p>
<p class="svc-hint">${t('staff.user.deactivateHint')}</p>
<form method="post" action="${action}/active" class="admin-inline-form">${v.csrf}
<input type="hidden" name="active" value="${active ? '0' : '1'}">
<button type="submit" id="${ACTIVE_BUTTON_ID}"${active ? html` class="admin-danger"` : ''}>${active ? t('staff.user.deactivate') : t('staff.user.reactivate')}</button>
</form>
</section>`;
}

function resetForm(t: Translator, v: UserView, action: string): Html {
  const id = fieldId(RESET_PASSWORD_FORM, 'password');
  return html`<section class="admin-section" aria-labelledby="reset-title">
<h2 id="reset-title">${t('staff.user.resetPassword')}</h2>
<form method="post" action="${action}/password" class="admin-form" novalidate>${v.csrf}
${passwordInput({
    id, name: 'password', label: t('staff.user.newPassword'), autocomplete: 'new-password', minLength: MIN_PASSWORD_LENGTH,
    hint: `${t('staff.password.hint', { min: MIN_PASSWORD_LENGTH })} ${t('staff.user.resetHint')}`, error: errorFor(v.errors, id),
  })}
<button type="submit">${t('staff.user.resetPassword')}</button>
</form>
</section>`;
}

export function userView(t: Translator, v: UserView): Html {
  const action = `/staff/users/${encodeURIComponent(v.user.id)}`;
  return html`<p><a href="/staff/users">${t('staff.user.back')}</a></p>
<h1>${v.user.name}</h1>
<p>${v.user.email}</p>
${v.notice}
${errorSummary(t, v.errors)}
${profileForm(t, v, action)}
${accessForm(t, v, action)}
${resetForm(t, v, action)}`;
}
