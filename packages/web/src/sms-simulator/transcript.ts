/** The messages of one number as the simulator shows them: in the page, and as JSON for its script. */
import type { SmsMessage } from '@o311/sms';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

/** The newest messages shown. */
export const TRANSCRIPT_LENGTH = 50;

export interface ShownMessage {
  direction: 'in' | 'out';
  body: string;
  /** '' when sent or received; else what the reader is told, e.g. "(sending)". */
  note: string;
}

export function shownMessages(t: Translator, messages: readonly SmsMessage[]): ShownMessage[] {
  return messages.map((m) => ({
    direction: m.direction,
    body: m.body,
    note: m.state === 'queued' ? t('smsSimulator.queued') : m.state === 'failed' ? t('smsSimulator.failed') : '',
  }));
}

export function transcriptItem(t: Translator, m: ShownMessage): Html {
  const who = m.direction === 'in' ? t('smsSimulator.you') : t('smsSimulator.city');
  return html`<li class="sms-${m.direction}"><span class="sms-who">${who}:</span> <span class="sms-body">${m.body}</span>${m.note ? html` <span class="sms-note">${m.note}</span>` : ''}</li>`;
}
