/** The fields of the department forms. */
import type { FastifyRequest } from 'fastify';
import type { Translator } from '../../../i18n/translate.js';
import { formText } from '../../../form.js';
import type { FieldError } from '../../forms/fields.js';
import { isEmailAddress } from '@o311/server';

export interface DepartmentDraft {
  name: string;
  email: string;
}

export const EMPTY_DEPARTMENT: DepartmentDraft = { name: '', email: '' };

export function readDepartment(
  request: FastifyRequest,
  t: Translator,
  ids: { name: string; email: string },
): { draft: DepartmentDraft; errors: FieldError[] } {
  const draft = { name: formText(request, 'name'), email: formText(request, 'email').toLowerCase() };
  const errors: FieldError[] = [];
  if (draft.name === '' || draft.name.length > 200) errors.push({ field: ids.name, message: t('staff.departments.error.name') });
  if (draft.email !== '' && !isEmailAddress(draft.email)) errors.push({ field: ids.email, message: t('staff.departments.error.email') });
  return { draft, errors };
}
