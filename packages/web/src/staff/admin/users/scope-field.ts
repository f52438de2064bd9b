/**
 * The jurisdiction scope of an account on the users pages: one checkbox per
 * jurisdiction the admin reaches, plus "every jurisdiction" for global admins.
 * A form without the group (`scope` marker absent) leaves the scope unchanged.
 */
import type { FastifyRequest } from 'fastify';
import { field } from '@o311/georeport';
import type { staffScope } from '@o311/server';
import { GLOBAL_SCOPE, inScope, type Jurisdiction, type JurisdictionScope, type Store } from '@o311/store';
import { readForm } from '../../../form.js';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { checkboxGroup, type FieldError } from '../../forms/fields.js';

const NAME = 'jurisdiction';
const MARKER = 'scope';
const EVERY = '*';

export const scopeFieldId = (form: string): string => `${form}-jurisdictions`;

/** What the signed-in admin may grant: the jurisdictions it reaches (sandboxes never have staff), and "every" if global. */
export interface ScopeChoices {
  jurisdictions: readonly Jurisdiction[];
  granterIsGlobal: boolean;
}

export async function scopeChoices(store: Store, granter: JurisdictionScope): Promise<ScopeChoices> {
  const jurisdictions = (await store.listJurisdictions()).filter((j) => !j.sandbox && inScope(granter, j.id));
  return { jurisdictions, granterIsGlobal: granter === GLOBAL_SCOPE };
}

export function scopeField(t: Translator, form: string, choices: ScopeChoices, scope: JurisdictionScope): Html {
  const options = [
    ...(choices.granterIsGlobal ? [{ value: EVERY, label: t('staff.users.scope.every') }] : []),
    ...choices.jurisdictions.map((j) => ({ value: j.id, label: j.name })),
  ];
  const checked = scope === GLOBAL_SCOPE ? [EVERY] : scope;
  return html`<input type="hidden" name="${MARKER}" value="1">${checkboxGroup({
    id: scopeFieldId(form), name: NAME, legend: t('staff.users.scope.legend'), choices: options, checked,
  })}`;
}

/** The scope sent, or undefined when the form has no scope group. */
export function readScopeField(request: FastifyRequest): JurisdictionScope | undefined {
  const form = readForm(request);
  if (field(form, MARKER) === undefined) return undefined;
  const ids = form.get(NAME) ?? [];
  return ids.includes(EVERY) ? GLOBAL_SCOPE : ids;
}

export function scopeError(t: Translator, refusal: staffScope.ScopeRefusal, fieldId: string): FieldError {
  switch (refusal.reason) {
    case 'global-for-non-admin': return { field: fieldId, message: t('staff.users.scope.adminOnly') };
    case 'global-by-scoped-admin': return { field: fieldId, message: t('staff.users.scope.notYours') };
    case 'empty': return { field: fieldId, message: t('staff.users.scope.empty') };
    case 'unknown-jurisdictions': return { field: fieldId, message: t('staff.users.scope.notYours') };
  }
}
