/** The role and department choices of the user forms. */
import type { Department } from '@o311/store';
import type { Translator } from '../../../i18n/translate.js';
import { ROLE_LABELS, STAFF_ROLES } from '../../roles.js';
import type { Choice } from '../../forms/fields.js';

export const roleChoices = (t: Translator): Choice[] => STAFF_ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }));

export const departmentChoices = (t: Translator, departments: readonly Department[]): Choice[] => [
  { value: '', label: t('staff.form.none') },
  ...departments.map((d) => ({ value: d.id, label: d.name })),
];
