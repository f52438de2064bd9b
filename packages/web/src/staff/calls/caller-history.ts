/** The caller's earlier requests and follows, each linking to its staff page, so the agent can answer "I called about…". */
import type { CallerHistory, CallerRequest } from '@o311/store';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { scrollRegion } from '../inbox/scroll-region.js';
import { requestPath } from '../request/fields.js';
import { statusLabel } from '../request/status-labels.js';

function table(t: Translator, timezone: string, caption: string, rows: readonly CallerRequest[]): Html {
  return scrollRegion(caption, html`<table class="inbox-table">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t('calls.history.number')}</th><th scope="col">${t('calls.history.service')}</th><th scope="col">${
    t('calls.history.status')}</th><th scope="col">${t('calls.history.date')}</th><th scope="col">${t('calls.history.address')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><td><a href="${requestPath(r.id)}">${r.id}</a></td><td>${r.service_name}</td><td>${statusLabel(t, r.status)}</td><td>${
    t.dateTime(r.requested_at, timezone)}</td><td>${r.address ?? '—'}</td></tr>`)}</tbody>
</table>`);
}

export function callerHistory(t: Translator, timezone: string, caller: string, h: CallerHistory): Html {
  const nothing = h.filed.length === 0 && h.followed.length === 0;
  return html`<section class="admin-section" aria-labelledby="caller-history-title" id="caller-history">
<h2 id="caller-history-title">${t('calls.history.title', { caller })}</h2>
${nothing ? html`<p id="caller-history-none">${t('calls.history.none')}</p>` : ''}
${h.filed.length > 0 ? table(t, timezone, t('calls.history.filed'), h.filed) : ''}
${h.followed.length > 0 ? table(t, timezone, t('calls.history.followed'), h.followed) : ''}
</section>`;
}
