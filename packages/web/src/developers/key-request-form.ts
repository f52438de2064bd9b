/** The form a developer fills in to ask for a key, with the city's terms of use shown above the box to tick. */
import { KEY_REQUEST_LIMITS } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { inputAria, textField, type FieldFrame } from '../citizen/field-parts.js';
import type { FieldError } from '../citizen/report-check.js';
import { EMAIL_PATTERN } from '../citizen/value-checks.js';
import { FIELD_IDS, type KeyRequestDraft } from './key-request-input.js';
import { KEY_FORM_ANCHOR, KEY_REQUEST_PATH } from './paths.js';

export interface KeyFormState {
  draft: KeyRequestDraft;
  errors: readonly FieldError[];
  /** The terms in force, as shown (the admins' text, or the default in the reader's language). */
  terms: string;
  approvalRequired: boolean;
  /** A refusal of the whole form (a duplicate, too many requests). */
  problem?: string;
}

export function keyRequestForm(t: Translator, s: KeyFormState): Html {
  const frame = (id: string, label: string, hint?: string): FieldFrame => {
    const error = s.errors.find((e) => e.id === id)?.message;
    return { id, label, required: true, ...(hint !== undefined && { hint }), ...(error !== undefined && { error }) };
  };
  const L = KEY_REQUEST_LIMITS;
  const d = s.draft;
  const f = {
    email: frame(FIELD_IDS.email, t('developers.key.email'), t('developers.key.emailHint')),
    name: frame(FIELD_IDS.name, t('developers.key.name')),
    app_name: frame(FIELD_IDS.app_name, t('developers.key.appName')),
    app_url: frame(FIELD_IDS.app_url, t('developers.key.appUrl'), t('developers.key.appUrlHint')),
    purpose: frame(FIELD_IDS.purpose, t('developers.key.purpose'), t('developers.key.purposeHint', { max: L.purpose })),
  };
  const accept = frame(FIELD_IDS.accepted, t('developers.key.accept'));
  return html`<section aria-labelledby="${KEY_FORM_ANCHOR}-title" id="${KEY_FORM_ANCHOR}">
<h2 id="${KEY_FORM_ANCHOR}-title">${t('developers.key.title')}</h2>
<p>${t('developers.key.intro')} ${s.approvalRequired ? t('developers.key.approval') : t('developers.key.noApproval')}</p>
${errorSummary(t, s.errors, s.problem !== undefined ? [s.problem] : [])}
<form method="post" action="${KEY_REQUEST_PATH}" class="dev-key-form" id="key-request-form" novalidate>
${textField(t, f.email, html`<input type="email" name="email" autocomplete="email" required maxlength="${L.email}" pattern="${EMAIL_PATTERN}" value="${d.email}" ${inputAria(f.email)}>`)}
${textField(t, f.name, html`<input type="text" name="name" autocomplete="name" required maxlength="${L.name}" value="${d.name}" ${inputAria(f.name)}>`)}
${textField(t, f.app_name, html`<input type="text" name="app_name" required maxlength="${L.app_name}" value="${d.app_name}" ${inputAria(f.app_name)}>`)}
${textField(t, f.app_url, html`<input type="url" name="app_url" autocomplete="url" required maxlength="${L.app_url}" value="${d.app_url}" ${inputAria(f.app_url)}>`)}
${textField(t, f.purpose, html`<textarea name="purpose" rows="4" required maxlength="${L.purpose}" ${inputAria(f.purpose)}>${d.purpose}</textarea>`)}
<h3 id="key-terms-title">${t('developers.key.terms')}</h3>
<div class="dev-terms" id="key-terms" tabindex="0" role="region" aria-labelledby="key-terms-title">${s.terms}</div>
<div class="field${accept.error ? ' field-invalid' : ''}">
${accept.error ? html`<p class="field-error" id="${FIELD_IDS.accepted}-error">${accept.error}</p>` : ''}
<div class="choice"><input type="checkbox" name="accept" value="1"${d.accepted ? ' checked' : ''} ${inputAria(accept)} required><label for="${FIELD_IDS.accepted}">${t('developers.key.accept')}</label></div>
</div>
<div class="actions"><button type="submit" id="key-request-submit">${t('developers.key.submit')}</button></div>
</form>
</section>`;
}
