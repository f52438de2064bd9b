/**
 * The endpoint page's dashboard section: whether the public dashboard shows
 * the endpoint (its requests then harvested here), where the harvest stands,
 * "Harvest now", and links to the public dashboard and the source's own page
 * (areas, rebuild).
 */
import { sourceId, type DashboardSource } from '@o311/store';
import { sourcePath } from '../../../dashboard/paths.js';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { checkbox } from '../../forms/fields.js';
import { harvestState } from '../dashboard/harvest-state.js';
import { sourceAdminHref } from '../dashboard/sources-view.js';
import { endpointHref } from './registry-list-view.js';

export const endpointDashboardHref = (slug: string): string => `${endpointHref(slug)}/dashboard`;

export function dashboardSection(t: Translator, v: { slug: string; source: DashboardSource | undefined; csrf: Html; timezone: string }): Html {
  const s = v.source;
  const shown = s?.enabled === true;
  const links = s
    ? html`<p>${shown ? html`<a href="${sourcePath(s, undefined)}">${t('staff.dashboard.endpointPublic')}</a> · ` : ''}<a href="${sourceAdminHref(sourceId('endpoint', v.slug))}">${t('staff.dashboard.endpointAreas')}</a></p>`
    : '';
  return html`<section class="admin-section" aria-labelledby="dashboard-title" id="dashboard-section">
<h2 id="dashboard-title">${t('staff.dashboard.endpointTitle')}</h2>
<p>${t('staff.dashboard.endpointIntro')}</p>
<p><strong>${t(shown ? 'staff.dashboard.endpointOn' : 'staff.dashboard.endpointOff')}</strong></p>
<form method="post" action="${endpointDashboardHref(v.slug)}" class="admin-form">${v.csrf}
${checkbox({ id: 'dashboard-enabled', name: 'enabled', value: 'on', label: t('staff.dashboard.endpointToggle'), checked: shown })}
<button type="submit">${t('staff.dashboard.endpointSave')}</button>
</form>
${s ? harvestState(t, s.harvest, v.timezone) : ''}
${shown
    ? html`<form method="post" action="${endpointDashboardHref(v.slug)}/harvest" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.dashboard.harvestNow')}</button></form>
<p class="svc-hint">${t('staff.dashboard.harvestNowHint')}</p>`
    : ''}
${links}
</section>`;
}
