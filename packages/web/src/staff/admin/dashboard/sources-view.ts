/** /staff/dashboards: the dashboard's sources within the admin's scope, with their state and links. */
import type { DashboardSource } from '@o311/store';
import { sourcePath } from '../../../dashboard/paths.js';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { scrollRegion } from '../../inbox/scroll-region.js';
import { harvestSummary } from './harvest-state.js';

export const DASHBOARD_ADMIN_PATH = '/staff/dashboards';

export const sourceAdminHref = (id: string): string => `${DASHBOARD_ADMIN_PATH}/${encodeURIComponent(id)}`;

export interface SourcesView {
  sources: readonly { source: DashboardSource; areas: number }[];
  /** The served jurisdiction's id: its dashboard is /dashboard itself. */
  primaryId: string;
  /** The zone the times are shown in (the served jurisdiction's). */
  timezone: string;
  /** Registry endpoints may be added (global admins). */
  global: boolean;
  notice: Html;
}

/** The public page's link, for a source shown there. */
export function publicLink(t: Translator, s: DashboardSource, primaryId: string): Html {
  if (!s.enabled) return html`${t('staff.dashboard.notShown')}`;
  return html`<a href="${sourcePath(s, primaryId)}">${t('staff.dashboard.view')}<span class="sr-only"> ${t('staff.dashboard.viewOf', { name: s.name })}</span></a>`;
}

function updated(t: Translator, s: DashboardSource, timezone: string): Html {
  if (s.kind === 'endpoint' && s.harvest !== null) {
    return html`${harvestSummary(t, s.harvest, timezone)}<br>${t('staff.dashboard.harvest.nextRun')}: ${t.dateTime(s.harvest.next_run_at, timezone)}`;
  }
  return s.synced_at === null ? html`${t('staff.dashboard.neverSynced')}` : html`${t('staff.dashboard.syncedAt', { when: t.dateTime(s.synced_at, timezone) })}`;
}

function row(t: Translator, v: SourcesView, { source: s, areas }: SourcesView['sources'][number]): Html {
  return html`<tr${s.enabled ? '' : html` class="admin-inactive"`}>
<th scope="row"><a href="${sourceAdminHref(s.id)}">${s.name}</a></th>
<td>${t(s.kind === 'local' ? 'staff.dashboard.kind.local' : 'staff.dashboard.kind.endpoint')}</td>
<td>${t(s.enabled ? 'staff.dashboard.yes' : 'staff.dashboard.no')}</td>
<td>${t.number(s.requests)}</td>
<td>${t.number(areas)}</td>
<td>${updated(t, s, v.timezone)}</td>
<td>${publicLink(t, s, v.primaryId)}</td>
</tr>`;
}

export function sourcesView(t: Translator, v: SourcesView): Html {
  const table = v.sources.length === 0
    ? html`<p>${t('staff.dashboard.none')}</p>`
    : scrollRegion(t('staff.dashboard.region'), html`<table class="admin-table">
<caption>${t('staff.dashboard.caption')}</caption>
<thead><tr><th scope="col">${t('staff.dashboard.name')}</th><th scope="col">${t('staff.dashboard.kind')}</th><th scope="col">${t('staff.dashboard.enabled')}</th><th scope="col">${t('staff.dashboard.requests')}</th><th scope="col">${t('staff.dashboard.areas')}</th><th scope="col">${t('staff.dashboard.updated')}</th><th scope="col">${t('staff.dashboard.public')}</th></tr></thead>
<tbody>${v.sources.map((s) => row(t, v, s))}</tbody>
</table>`);
  return html`<h1>${t('staff.dashboard.title')}</h1>
<p>${t('staff.dashboard.intro')}</p>
${v.notice}
${table}
${v.global ? html`<p>${t('staff.dashboard.endpointsNote')} <a href="/staff/registry">${t('staff.nav.registry')}</a></p>` : ''}`;
}
