/** /staff/keys: the self-service keys' settings (approval, terms of use): the form and reading it. */
import type { FastifyRequest } from 'fastify';
import { MAX_TERMS_LENGTH, type DeveloperSettings } from '@o311/server';
import { formRaw, formText } from '../../../form.js';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { checkbox, errorFor, textArea, type FieldError } from '../../forms/fields.js';

export const SETTINGS_IDS = { approval: 'dev-approval', terms: 'dev-terms' } as const;

export function readSettings(request: FastifyRequest, t: Translator): { settings: DeveloperSettings; errors: FieldError[] } {
  const terms = formRaw(request, 'terms').replace(/\r\n/g, '\n').trim();
  const settings = { approvalRequired: formText(request, 'approval') === '1', terms: terms === '' ? undefined : terms };
  const errors = terms.length > MAX_TERMS_LENGTH ? [{ field: SETTINGS_IDS.terms, message: t('developers.admin.error.terms', { max: MAX_TERMS_LENGTH }) }] : [];
  return { settings, errors };
}

export function settingsForm(t: Translator, s: DeveloperSettings, errors: readonly FieldError[], csrf: Html): Html {
  return html`<section class="admin-section" aria-labelledby="dev-settings-title">
<h2 id="dev-settings-title">${t('developers.admin.settings')}</h2>
<form method="post" action="/staff/keys/settings" class="admin-form" novalidate>${csrf}
${checkbox({ id: SETTINGS_IDS.approval, name: 'approval', label: t('developers.admin.approvalRequired'), checked: s.approvalRequired, hint: t('developers.admin.approvalHint') })}
${textArea({
    id: SETTINGS_IDS.terms, name: 'terms', label: t('developers.admin.termsLabel'), value: s.terms ?? '', rows: 6,
    hint: t('developers.admin.termsHint', { max: MAX_TERMS_LENGTH }), error: errorFor(errors, SETTINGS_IDS.terms),
  })}
<button type="submit">${t('developers.admin.settingsSave')}</button>
</form>
</section>`;
}
