/** /staff/keys/{id}/limit: a key's quota per minute and the one jurisdiction it may post to. */
import type { FastifyRequest } from 'fastify';
import { MAX_RATE_PER_MINUTE } from '@o311/server';
import type { ApiKey, Jurisdiction, KeyLimits } from '@o311/store';
import { formText } from '../../../form.js';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { errorFor, selectField, textInput, type FieldError } from '../../forms/fields.js';

export const LIMIT_IDS = { rate: 'key-limit-rate', jurisdiction: 'key-limit-jurisdiction' } as const;

export interface LimitDraft {
  rate: string;
  jurisdiction: string;
}

/** A key without a quota (0, set from the command line or the staff API) starts with an empty rate: this form sets a quota, and would refuse 0. */
export const draftOf = (k: ApiKey): LimitDraft => ({ rate: k.rate_limit_per_minute === 0 ? '' : String(k.rate_limit_per_minute), jurisdiction: k.jurisdiction_id ?? '' });

export function readLimits(request: FastifyRequest, t: Translator, jurisdictions: readonly Jurisdiction[]): { draft: LimitDraft; limits?: KeyLimits; errors: FieldError[] } {
  const draft = { rate: formText(request, 'rate'), jurisdiction: formText(request, 'jurisdiction') };
  const rate = /^\d{1,6}$/.test(draft.rate) ? Number(draft.rate) : NaN;
  const errors: FieldError[] = [];
  if (!(rate >= 1 && rate <= MAX_RATE_PER_MINUTE)) errors.push({ field: LIMIT_IDS.rate, message: t('staff.keys.error.rate', { max: MAX_RATE_PER_MINUTE }) });
  const known = draft.jurisdiction === '' || jurisdictions.some((j) => j.id === draft.jurisdiction);
  if (!known) errors.push({ field: LIMIT_IDS.jurisdiction, message: t('developers.admin.error.scope') });
  if (errors.length > 0) return { draft, errors };
  return { draft, limits: { rate_limit_per_minute: rate, jurisdiction_id: draft.jurisdiction === '' ? null : draft.jurisdiction }, errors };
}

export function limitForm(t: Translator, key: ApiKey, jurisdictions: readonly Jurisdiction[], draft: LimitDraft, errors: readonly FieldError[], csrf: Html): Html {
  return html`<h1>${t('developers.admin.limitTitle', { name: key.name })}</h1>
${errorSummary(t, errors)}
<form method="post" action="/staff/keys/${encodeURIComponent(key.id)}/limit" class="admin-form" novalidate>${csrf}
${textInput({
    id: LIMIT_IDS.rate, name: 'rate', type: 'number', label: t('staff.keys.rate'), value: draft.rate, required: true,
    error: errorFor(errors, LIMIT_IDS.rate), extra: html` min="1" max="${MAX_RATE_PER_MINUTE}" step="1" inputmode="numeric"`,
  })}
${selectField({
    id: LIMIT_IDS.jurisdiction, name: 'jurisdiction', label: t('developers.admin.scope'), value: draft.jurisdiction, error: errorFor(errors, LIMIT_IDS.jurisdiction),
    choices: [{ value: '', label: t('developers.admin.anyJurisdiction') }, ...jurisdictions.map((j) => ({ value: j.id, label: `${j.name} (${j.id})` }))],
  })}
<button type="submit">${t('developers.admin.limitSave')}</button>
</form>
<p><a href="/staff/keys">${t('staff.keys.back')}</a></p>`;
}
