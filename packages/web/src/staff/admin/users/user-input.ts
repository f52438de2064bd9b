/** The fields of the user forms, as typed (drafts) and as checked input. */
import type { FastifyRequest } from 'fastify';
import type { Department, JurisdictionScope, StaffRole } from '@o311/store';
import type { Translator } from '../../../i18n/translate.js';
import { isAcceptablePassword, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { formRaw, formText } from '../../../form.js';
import { isStaffRole } from '../../roles.js';
import type { FieldError } from '../../forms/fields.js';
import { isEmailAddress } from '@o311/server';
import { readScopeField } from './scope-field.js';

/** What the forms show again after a refusal. */
export interface UserDraft {
  name: string;
  email: string;
  role: string;
  department: string;
  /** The contact-centre capability (user-view.ts). */
  call_taker: boolean;
}

export const EMPTY_DRAFT: UserDraft = { name: '', email: '', role: 'agent', department: '', call_taker: false };

export interface ProfileInput {
  name: string;
  role: StaffRole;
  department_id: string | null;
  call_taker: boolean;
  /** Absent: unchanged (or, for a new account, the creator's scope / the store's default). */
  jurisdictions?: JurisdictionScope;
}

export interface Checked<T> {
  draft: UserDraft;
  input: T | undefined;
  errors: FieldError[];
}

/** Ids of the controls of one form, e.g. `new-user-name`. */
export const fieldId = (form: string, field: keyof UserDraft | 'password'): string => `${form}-${field}`;

export function readProfile(request: FastifyRequest, t: Translator, departments: readonly Department[], form: string): Checked<ProfileInput> {
  const draft: UserDraft = {
    name: formText(request, 'name'),
    email: formText(request, 'email').toLowerCase(),
    role: formText(request, 'role'),
    department: formText(request, 'department'),
    call_taker: formText(request, 'call_taker') === '1',
  };
  const errors: FieldError[] = [];
  if (draft.name === '' || draft.name.length > 200) errors.push({ field: fieldId(form, 'name'), message: t('staff.users.error.name') });
  if (!isStaffRole(draft.role)) errors.push({ field: fieldId(form, 'role'), message: t('staff.users.error.role') });
  if (draft.department !== '' && !departments.some((d) => d.id === draft.department)) {
    errors.push({ field: fieldId(form, 'department'), message: t('staff.users.error.department') });
  }
  // Viewers never take calls (callTaking.takesCalls): the box ticked for one is refused, not dropped.
  if (draft.call_taker && draft.role === 'viewer') errors.push({ field: fieldId(form, 'call_taker'), message: t('staff.user.callTakerViewer') });
  const jurisdictions = readScopeField(request);
  const input = errors.length === 0 && isStaffRole(draft.role)
    ? {
      name: draft.name, role: draft.role, department_id: draft.department === '' ? null : draft.department, call_taker: draft.call_taker,
      ...(jurisdictions !== undefined ? { jurisdictions } : {}),
    }
    : undefined;
  return { draft, input, errors };
}

/** The password field `name` of the form, or its error. */
export function readNewPassword(request: FastifyRequest, t: Translator, form: string): { password?: string; error?: FieldError } {
  const password = formRaw(request, 'password');
  if (!isAcceptablePassword(password)) {
    return { error: { field: fieldId(form, 'password'), message: t('staff.password.short', { min: MIN_PASSWORD_LENGTH }) } };
  }
  return { password };
}

export function readNewUser(
  request: FastifyRequest,
  t: Translator,
  departments: readonly Department[],
  form: string,
): Checked<ProfileInput & { email: string; password: string }> {
  const profile = readProfile(request, t, departments, form);
  const errors = [...profile.errors];
  const { email } = profile.draft;
  if (!isEmailAddress(email)) errors.push({ field: fieldId(form, 'email'), message: t('staff.users.error.email') });
  const { password, error } = readNewPassword(request, t, form);
  if (error) errors.push(error);
  const order = ['name', 'email', 'role', 'department', 'call_taker', 'password'].map((f) => `${form}-${f}`);
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  const input = errors.length === 0 && profile.input && password !== undefined ? { ...profile.input, email, password } : undefined;
  return { draft: profile.draft, input, errors };
}
