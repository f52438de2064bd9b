/** Who changed what on this request and when (the audit log, newest first). */
import type { AuditEntry } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import type { Directory } from '../../inbox/directory.js';
import type { RequestPageData } from '../load.js';
import { scrollRegion } from '../../inbox/scroll-region.js';

/** Actions whose `from` and `to` are instants (epoch ms). */
const TIME_ACTIONS: ReadonlySet<string> = new Set(['request.expected_at']);

/** A detail as staff read it: ids of departments and users by name, instants as dates. */
function shown(t: Translator, d: Directory, v: unknown, isTime: boolean): string {
  if (v === null || v === undefined || v === '') return '—';
  if (isTime && typeof v === 'number') return t.dateTime(v, d.jurisdiction.timezone);
  if (typeof v === 'string') return d.departmentName(v) ?? d.userName(v) ?? v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function details(t: Translator, d: Directory, e: AuditEntry): Html {
  const { from, to, ...rest } = e.details;
  const isTime = TIME_ACTIONS.has(e.action);
  const change = 'from' in e.details || 'to' in e.details
    ? html`<span>${shown(t, d, from, isTime)} → ${shown(t, d, to, isTime)}</span>`
    : '';
  const others = Object.entries(rest).map(([k, v]) => html` <span class="request-audit-detail">${k}: ${shown(t, d, v, false)}</span>`);
  return html`${change}${others}`;
}

function row(t: Translator, d: Directory, e: AuditEntry): Html {
  return html`<tr><td>${t.dateTime(e.at, d.jurisdiction.timezone)}</td><td>${d.userName(e.actor) ?? e.actor}</td>
<td><code>${e.action}</code></td><td>${details(t, d, e)}</td></tr>`;
}

export function auditTrail(t: Translator, data: RequestPageData): Html {
  const d = data.directory;
  return html`<section class="request-section" aria-labelledby="request-audit-title">
<h2 id="request-audit-title">${t('inbox.req.audit')}</h2>
${data.audit.length === 0 ? html`<p>${t('inbox.req.auditNone')}</p>` : scrollRegion(t('inbox.req.audit'), html`<table class="request-audit">
<caption class="sr-only">${t('inbox.req.audit')}</caption>
<thead><tr><th scope="col">${t('inbox.audit.when')}</th><th scope="col">${t('inbox.audit.who')}</th>
<th scope="col">${t('inbox.audit.action')}</th><th scope="col">${t('inbox.audit.details')}</th></tr></thead>
<tbody>${data.audit.map((e) => row(t, d, e))}</tbody></table>`)}
</section>`;
}
