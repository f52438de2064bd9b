/** The reporter's contact data: shown to staff only, never part of any public answer. */
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { RequestPageData } from '../load.js';

export function reporter(t: Translator, data: RequestPageData): Html {
  const p = data.request.reporter;
  const name = [p.first_name, p.last_name].filter((x) => x !== null && x !== '').join(' ');
  const rows: [string, Html | string][] = [];
  if (name) rows.push([t('inbox.req.reporterName'), name]);
  if (p.email) rows.push([t('inbox.req.reporterEmail'), html`<a href="mailto:${p.email}">${p.email}</a>`]);
  if (p.phone) rows.push([t('inbox.req.reporterPhone'), html`<a href="tel:${p.phone}">${p.phone}</a>`]);
  if (p.account_id) rows.push([t('inbox.req.reporterAccount'), p.account_id]);
  if (p.device_id) rows.push([t('inbox.req.reporterDevice'), p.device_id]);
  return html`<section class="request-section request-private" aria-labelledby="request-reporter-title">
<h2 id="request-reporter-title">${t('inbox.req.reporter')}</h2>
<p class="request-private-note">${t('inbox.req.reporterPrivate')}</p>
${rows.length === 0 ? html`<p>${t('inbox.req.reporterNone')}</p>` : html`<dl class="request-facts">${rows.map(
  ([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`,
)}</dl>`}
</section>`;
}
