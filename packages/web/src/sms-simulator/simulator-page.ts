/**
 * The simulator: a phone-like conversation with the city's SMS channel. The
 * form posts and the page comes back with the replies (no JavaScript needed);
 * sms-simulator.js sends without a reload.
 */
import { MAX_SMS_BODY } from '@o311/sms';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { inputAria, textField, type FieldFrame } from '../citizen/field-parts.js';
import type { FieldError } from '../citizen/report-check.js';
import { SMS_SIMULATOR_PATH, simulatorPath } from './paths.js';
import { transcriptItem, type ShownMessage } from './transcript.js';

export const SIMULATOR_FIELDS = { from: 'sms-from', body: 'sms-body' } as const;

export interface SimulatorView {
  from: string;
  messages: readonly ShownMessage[];
  errors: readonly FieldError[];
  /** The last message got no reply (opted out, flood). */
  noReply: boolean;
}

function transcript(t: Translator, v: SimulatorView): Html {
  if (v.from === '') return html``;
  return html`<section class="sms-phone" aria-labelledby="sms-transcript-title">
<h2 id="sms-transcript-title">${t('smsSimulator.conversation', { number: v.from })}</h2>
<p class="sms-empty" id="sms-empty"${v.messages.length > 0 ? ' hidden' : ''}>${t('smsSimulator.empty')}</p>
<ol class="sms-transcript" id="sms-transcript" aria-live="polite" data-you="${t('smsSimulator.you')}" data-city="${t('smsSimulator.city')}">${v.messages.map((m) => transcriptItem(t, m))}</ol>
<p class="sms-no-reply" id="sms-no-reply"${v.noReply ? '' : ' hidden'}>${t('smsSimulator.noReply')}</p>
<p><a href="${simulatorPath(v.from)}" id="sms-refresh">${t('smsSimulator.refresh')}</a></p>
</section>`;
}

export function simulatorPage(t: Translator, v: SimulatorView): Html {
  const frame = (id: string, label: string, hint: string): FieldFrame => {
    const error = v.errors.find((e) => e.id === id)?.message;
    return { id, label, required: true, hint, ...(error !== undefined && { error }) };
  };
  const from = frame(SIMULATOR_FIELDS.from, t('smsSimulator.number'), t('smsSimulator.numberHint'));
  const body = frame(SIMULATOR_FIELDS.body, t('smsSimulator.message'), t('smsSimulator.messageHint'));
  return html`<h1>${t('smsSimulator.title')}</h1>
<p>${t('smsSimulator.intro')}</p>
${errorSummary(t, v.errors)}
${transcript(t, v)}
<form method="post" action="${SMS_SIMULATOR_PATH}" class="sms-form" id="sms-form" novalidate>
${textField(t, from, html`<input type="tel" name="from" autocomplete="off" required maxlength="32" value="${v.from}" ${inputAria(from)}>`)}
${textField(t, body, html`<textarea name="body" rows="3" required maxlength="${MAX_SMS_BODY}" ${inputAria(body)}></textarea>`)}
<div class="actions"><button type="submit" id="sms-send">${t('smsSimulator.send')}</button></div>
</form>`;
}
