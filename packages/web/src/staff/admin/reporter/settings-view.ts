/** /staff/reporter-settings: the jurisdiction's mail to reporters (receipts for API submissions, "is it fixed?" delay, reopen window). */
import { MAX_QUESTION_DELAY_HOURS, MAX_REOPEN_WINDOW_DAYS } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, errorFor, textInput, type FieldError } from '../../forms/fields.js';

export const SETTINGS_IDS = { api: 'reporter-api', delay: 'reporter-delay', window: 'reporter-window' } as const;

/** The values as typed (numbers stay text until they are checked). */
export interface SettingsDraft {
  receipts_for_api: boolean;
  question_delay_hours: string;
  reopen_window_days: string;
}

export interface SettingsView {
  jurisdictionName: string;
  draft: SettingsDraft;
  errors: readonly FieldError[];
  notice: Html;
  csrf: Html;
}

const numberExtra = (max: number): Html => html` inputmode="numeric" min="0" max="${max}" step="1"`;

export function settingsView(t: Translator, v: SettingsView): Html {
  return html`<h1>${t('reporter.settings.title')}</h1>
${v.notice}
${errorSummary(t, v.errors)}
<p>${t('reporter.settings.intro')} (${v.jurisdictionName})</p>
<form method="post" action="/staff/reporter-settings" class="admin-form" id="reporter-settings-form" novalidate>${v.csrf}
${checkbox({ id: SETTINGS_IDS.api, name: 'receipts_for_api', label: t('reporter.settings.api'), hint: t('reporter.settings.apiHint'), checked: v.draft.receipts_for_api })}
${textInput({
    id: SETTINGS_IDS.delay, name: 'question_delay_hours', type: 'number', label: t('reporter.settings.delay'), value: v.draft.question_delay_hours,
    hint: t('reporter.settings.delayHint', { max: MAX_QUESTION_DELAY_HOURS }), error: errorFor(v.errors, SETTINGS_IDS.delay), extra: numberExtra(MAX_QUESTION_DELAY_HOURS),
  })}
${textInput({
    id: SETTINGS_IDS.window, name: 'reopen_window_days', type: 'number', label: t('reporter.settings.window'), value: v.draft.reopen_window_days,
    hint: t('reporter.settings.windowHint', { max: MAX_REOPEN_WINDOW_DAYS }), error: errorFor(v.errors, SETTINGS_IDS.window), extra: numberExtra(MAX_REOPEN_WINDOW_DAYS),
  })}
<button type="submit" id="reporter-settings-save">${t('reporter.settings.save')}</button>
</form>`;
}
