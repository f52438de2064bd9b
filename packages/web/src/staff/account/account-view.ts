/** /staff/account: change one's own password and the language of the back office. */
import type { StaffUser } from '@o311/store';
import { html, type Html } from '../../html.js';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translate.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { passwordInput } from '../auth/password-input.js';
import { ROLE_LABELS } from '../roles.js';
import { errorSummary } from '../forms/error-summary.js';
import { errorFor, selectField, type FieldError } from '../forms/fields.js';

export const ACCOUNT_IDS = {
  current: 'account-current-password',
  password: 'account-new-password',
  confirm: 'account-confirm-password',
  locale: 'account-locale',
};

export interface AccountView {
  user: StaffUser;
  notice: Html;
  errors: readonly FieldError[];
  csrf: Html;
}

function passwordForm(t: Translator, v: AccountView): Html {
  const field = (id: string, name: string, label: string, autocomplete: 'current-password' | 'new-password', hint?: string) =>
    passwordInput({
      id, name, label, autocomplete, hint, error: errorFor(v.errors, id),
      minLength: autocomplete === 'new-password' ? MIN_PASSWORD_LENGTH : undefined,
    });
  return html`<section class="admin-section" aria-labelledby="password-title">
<h2 id="password-title">${t('staff.account.password')}</h2>
<form method="post" action="/staff/account/password" class="admin-form" novalidate>${v.csrf}
${field(ACCOUNT_IDS.current, 'current', t('staff.account.currentPassword'), 'current-password')}
${field(ACCOUNT_IDS.password, 'password', t('staff.account.newPassword'), 'new-password', t('staff.password.hint', { min: MIN_PASSWORD_LENGTH }))}
${field(ACCOUNT_IDS.confirm, 'confirm', t('staff.account.confirmPassword'), 'new-password')}
<button type="submit">${t('staff.account.passwordSubmit')}</button>
</form>
</section>`;
}

function languageForm(t: Translator, v: AccountView): Html {
  const choices = [{ value: '', label: t('staff.account.languageBrowser') }, ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))];
  return html`<section class="admin-section" aria-labelledby="language-title">
<h2 id="language-title">${t('staff.account.language')}</h2>
<form method="post" action="/staff/account/language" class="admin-form">${v.csrf}
${selectField({ id: ACCOUNT_IDS.locale, name: 'locale', label: t('common.language'), value: v.user.locale ?? '', choices, error: errorFor(v.errors, ACCOUNT_IDS.locale) })}
<button type="submit">${t('staff.account.languageSubmit')}</button>
</form>
</section>`;
}

export function accountView(t: Translator, v: AccountView): Html {
  return html`<h1>${t('staff.account.title')}</h1>
<p>${t('staff.account.signedInAs', { email: v.user.email, role: t(ROLE_LABELS[v.user.role]) })}</p>
${v.notice}
${errorSummary(t, v.errors)}
${passwordForm(t, v)}
${languageForm(t, v)}`;
}
