/**
 * The tracker's "me too" section: how many people reported the request too
 * (counted supporters; nothing about who), what the last "me too" did, and,
 * while the request is open, the button with an optional e-mail to follow it.
 */
import { html, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import { EMAIL_PATTERN } from '../citizen/value-checks.js';
import { supportPath } from './paths.js';
import type { SupportOutcome } from './support.js';

export interface SupportView {
  id: string;
  count: number;
  open: boolean;
  outcome: SupportOutcome | undefined;
}

const MESSAGES: Record<SupportOutcome, { key: MessageKey; error: boolean }> = {
  added: { key: 'support.added', error: false },
  already: { key: 'support.already', error: false },
  followed: { key: 'support.followSent', error: false },
  busy: { key: 'report.error.busy', error: true },
  invalid: { key: 'report.error.email', error: true },
  closed: { key: 'support.closed', error: true },
};

function outcomeLine(t: Translator, outcome: SupportOutcome | undefined): Html {
  if (outcome === undefined) return html``;
  const m = MESSAGES[outcome];
  return m.error
    ? html`<p class="field-error" id="support-status" role="alert">${t(m.key)}</p>`
    : html`<p class="success" id="support-status" role="status">${t(m.key)}</p>`;
}

/** "N people reported this too", or nothing before the first one. */
export const supportCount = (t: Translator, count: number, id?: string): Html =>
  count > 0 ? html`<p class="support-count"${id === undefined ? '' : html` id="${id}"`}>${t.plural('support.count', count)}</p>` : html``;

export function supportSection(t: Translator, v: SupportView): Html {
  const form = v.open
    ? html`<form method="post" action="${supportPath(v.id)}" class="inline-form support-form" id="support-form">
<label for="support-email">${t('support.emailLabel')}</label>
<div class="inline-controls"><input type="email" id="support-email" name="email" autocomplete="email" pattern="${EMAIL_PATTERN}" maxlength="254">
<button type="submit" id="support-submit">${t('support.meToo')}</button></div>
</form>`
    : html``;
  return html`<section class="support" id="support" aria-label="${t('support.meToo')}">
${supportCount(t, v.count, 'support-count')}
${outcomeLine(t, v.outcome)}
${form}
</section>`;
}
