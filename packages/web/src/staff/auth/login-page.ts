/** The staff login form. */
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { errorSummary, notice } from '../forms/error-summary.js';
import { textInput, type FieldError } from '../forms/fields.js';
import { passwordInput } from './password-input.js';

export interface LoginForm {
  email: string;
  next: string;
  errors: readonly FieldError[];
  notice?: string;
}

export function loginPage(t: Translator, form: LoginForm): Html {
  const emailError = form.errors.find((e) => e.field === 'login-email')?.message;
  const passwordError = form.errors.find((e) => e.field === 'login-password')?.message;
  return html`<div class="auth-panel">
<h1>${t('staff.login.title')}</h1>
${notice(form.notice)}
${errorSummary(t, form.errors)}
<p>${t('staff.login.intro')}</p>
<form method="post" action="/staff/login" class="auth-form" novalidate>
<input type="hidden" name="next" value="${form.next}">
${textInput({
    id: 'login-email', name: 'email', type: 'email', label: t('staff.login.email'), value: form.email, required: true,
    error: emailError, extra: html` autocomplete="username" spellcheck="false"`,
  })}
${passwordInput({ id: 'login-password', name: 'password', label: t('staff.login.password'), autocomplete: 'current-password', error: passwordError })}
<button type="submit" class="auth-submit">${t('staff.login.submit')}</button>
</form>
</div>`;
}
