/** /staff/mail-quarantine: held mail of the served jurisdiction, each with Read, Release and Delete; and one message read as text. */
import type { MailRecord } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { MessageKey, Translator } from '../../../i18n/translate.js';

export const QUARANTINE_PATH = '/staff/mail-quarantine';

export interface QuarantineView {
  /** Undefined: the intake is off. */
  addresses: readonly string[] | undefined;
  keepDays: number;
  held: readonly MailRecord[];
  timezone: string;
  notice: Html;
  csrf: Html;
}

const REASONS = new Set(['malformed', 'too-many-attachments', 'attachment-type', 'sender-limit', 'intake-limit', 'unknown-thread', 'not-the-reporter', 'unfileable']);

export function reasonLabel(t: Translator, reason: string | null): string {
  return reason !== null && REASONS.has(reason) ? t(`mailQuarantine.reason.${reason}` as MessageKey) : (reason ?? '');
}

const kb = (t: Translator, bytes: number): string => t('mailQuarantine.kb', { size: Math.max(1, Math.round(bytes / 1024)) });

function actionForm(v: Pick<QuarantineView, 'csrf'>, m: MailRecord, action: 'release' | 'delete', label: string): Html {
  const danger = action === 'delete' ? html` class="admin-danger"` : '';
  return html`<form method="post" action="${QUARANTINE_PATH}/${m.id}/${action}" class="admin-inline-form">${v.csrf}<button type="submit"${danger}>${label}<span class="sr-only">: ${m.subject || m.sender}</span></button></form>`;
}

function row(t: Translator, v: QuarantineView, m: MailRecord): Html {
  return html`<tr>
<td><time datetime="${new Date(m.received_at).toISOString()}">${t.dateTime(m.received_at, v.timezone)}</time></td>
<td>${m.sender}</td>
<td>${m.subject || t('mailQuarantine.noSubject')}</td>
<td>${reasonLabel(t, m.reason)}</td>
<td>${kb(t, m.raw_size)}</td>
<td><a href="${QUARANTINE_PATH}/${m.id}">${t('mailQuarantine.read')}<span class="sr-only">: ${m.subject || m.sender}</span></a>
${actionForm(v, m, 'release', t('mailQuarantine.release'))}${actionForm(v, m, 'delete', t('mailQuarantine.delete'))}</td>
</tr>`;
}

export function quarantineView(t: Translator, v: QuarantineView): Html {
  if (!v.addresses) return html`<h1>${t('mailQuarantine.title')}</h1>\n<p>${t('mailQuarantine.off')}</p>`;
  const table = v.held.length === 0
    ? html`<p>${t('mailQuarantine.none')}</p>`
    : html`<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('mailQuarantine.caption')}</caption>
<thead><tr><th scope="col">${t('mailQuarantine.received')}</th><th scope="col">${t('mailQuarantine.from')}</th><th scope="col">${t('mailQuarantine.subject')}</th><th scope="col">${t('mailQuarantine.reason')}</th><th scope="col">${t('mailQuarantine.size')}</th><th scope="col">${t('mailQuarantine.actions')}</th></tr></thead>
<tbody>${v.held.map((m) => row(t, v, m))}</tbody>
</table></div>`;
  return html`<h1>${t('mailQuarantine.title')}</h1>
<p>${t('mailQuarantine.intro', { addresses: v.addresses.join(', '), days: v.keepDays })}</p>
${v.notice}
${table}`;
}

/** Characters of a held message shown on its page (the rest is cut). */
const SHOWN_CHARS = 50_000;

export function heldMailView(t: Translator, v: Pick<QuarantineView, 'timezone' | 'csrf'>, m: MailRecord, raw: Uint8Array): Html {
  // Only the bytes that can be shown are decoded (a held message may be megabytes): at most 4 per character.
  const text = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, SHOWN_CHARS * 4)).toString('utf8');
  return html`<h1>${m.subject || t('mailQuarantine.noSubject')}</h1>
<p><a href="${QUARANTINE_PATH}">${t('mailQuarantine.back')}</a></p>
<dl class="facts">
<dt>${t('mailQuarantine.received')}</dt><dd><time datetime="${new Date(m.received_at).toISOString()}">${t.dateTime(m.received_at, v.timezone)}</time></dd>
<dt>${t('mailQuarantine.from')}</dt><dd>${m.sender}</dd>
<dt>${t('mailQuarantine.reason')}</dt><dd>${reasonLabel(t, m.reason)}</dd>
<dt>${t('mailQuarantine.size')}</dt><dd>${kb(t, m.raw_size)}</dd>
</dl>
${actionForm(v, m, 'release', t('mailQuarantine.release'))}${actionForm(v, m, 'delete', t('mailQuarantine.delete'))}
<h2 id="held-message">${t('mailQuarantine.message')}</h2>
<pre class="held-mail" tabindex="0" aria-labelledby="held-message">${text.slice(0, SHOWN_CHARS)}</pre>`;
}
