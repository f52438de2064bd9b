/** GET /staff/services: active and inactive services; administrators get the edit links. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '@o311/server';
import type { ServiceRecord } from '@o311/store';
import type { WebContext } from '../../context.js';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { currentStaff } from '../guard.js';
import { sendStaffPage } from '../page.js';
import { editorPath } from './editor-page.js';
import { notice } from '../forms/error-summary.js';
import { scrollRegion } from '../inbox/scroll-region.js';

function table(t: Translator, id: string, title: string, services: readonly ServiceRecord[], canEdit: boolean): Html {
  const heading = html`<h2 id="${id}">${title}</h2>`;
  if (services.length === 0) return html`<section aria-labelledby="${id}">${heading}<p>${t('inbox.svc.none')}</p></section>`;
  return html`<section aria-labelledby="${id}">${heading}${scrollRegion(title, html`<table class="svc-table">
<caption class="sr-only">${title}</caption>
<thead><tr><th scope="col">${t('inbox.svc.name')}</th><th scope="col">${t('inbox.svc.code')}</th><th scope="col">${t('inbox.svc.group')}</th>
<th scope="col">${t('inbox.svc.type')}</th><th scope="col">${t('inbox.svc.attributes')}</th><th scope="col">${t('inbox.svc.sla')}</th></tr></thead>
<tbody>${services.map((s) => html`<tr>
<th scope="row">${canEdit ? html`<a href="${editorPath(s.service_code)}">${s.service_name}</a>` : s.service_name}</th>
<td><code>${s.service_code}</code></td><td>${s.group ?? ''}</td><td>${t(`inbox.svcType.${s.type}`)}</td>
<td>${t.number(s.attributes.length)}</td><td>${s.sla_hours === null ? '' : t.number(s.sla_hours)}</td></tr>`)}</tbody>
</table>`)}</section>`;
}

export function sendServiceList(
  request: FastifyRequest, reply: FastifyReply, web: WebContext, services: readonly ServiceRecord[], message: string | undefined,
): FastifyReply {
  const t = translatorFor(request, reply);
  const { user } = currentStaff(request);
  const canEdit = roleAllows(user.role, 'admin', user.jurisdictions);
  const sorted = [...services].sort((a, b) => a.service_name.localeCompare(b.service_name));
  const main = html`<h1>${t('inbox.svc.title')}</h1>
${notice(message)}
${canEdit ? html`<p><a href="${editorPath(undefined)}" class="svc-button-link">${t('inbox.svc.new')}</a></p>` : ''}
${table(t, 'svc-active-title', t('inbox.svc.activeList'), sorted.filter((s) => s.active), canEdit)}
${table(t, 'svc-inactive-title', t('inbox.svc.inactiveList'), sorted.filter((s) => !s.active), canEdit)}`;
  return sendStaffPage(request, reply, web, { title: t('inbox.svc.title'), main });
}
