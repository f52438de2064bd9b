/**
 * /staff/dashboards/ID: one source's settings (shown, what its areas are
 * called), its areas (listed, previewed on a map, replaced from an uploaded
 * GeoJSON file or the registry's boundaries, every refusal listed with what to
 * fix), a rebuild, and for an endpoint source its harvest and "Harvest now".
 */
import type { DashboardAreaShape, DashboardSource } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, errorFor, textInput, type FieldError } from '../../forms/fields.js';
import { harvestState } from './harvest-state.js';
import { publicLink, sourceAdminHref, DASHBOARD_ADMIN_PATH } from './sources-view.js';

/** Outlines with more vertices than this are not sent to the map preview (the page would grow by megabytes). */
const MAX_PREVIEW_VERTICES = 20_000;

export const SETTINGS_IDS = { enabled: 'source-enabled', area_label: 'source-area-label' } as const;

export interface SourcePageView {
  source: DashboardSource;
  areas: readonly DashboardAreaShape[];
  primaryId: string;
  timezone: string;
  notice: Html;
  csrf: Html;
  /** The settings form as sent, when it comes back with errors. */
  draft?: { enabled: boolean; area_label: string };
  errors: readonly FieldError[];
  /** Why the last areas were refused, in the API's words or this page's. */
  areaProblems: readonly string[];
  limits: { mb: number; features: number; maxLabel: number; names: readonly string[] };
  map: { tileUrl: string; attribution: string };
}

const vertices = (areas: readonly DashboardAreaShape[]): number =>
  areas.reduce((n, a) => n + a.geometry.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);

/** Whether the page carries the areas' map preview. */
export const hasPreview = (areas: readonly DashboardAreaShape[]): boolean => areas.length > 0 && vertices(areas) <= MAX_PREVIEW_VERTICES;

function settingsForm(t: Translator, v: SourcePageView): Html {
  const s = v.source;
  const draft = v.draft ?? { enabled: s.enabled, area_label: s.area_label ?? '' };
  return html`<section class="admin-section" aria-labelledby="settings-title">
<h2 id="settings-title">${t('staff.dashboard.settings')}</h2>
<form method="post" action="${sourceAdminHref(s.id)}" class="admin-form" novalidate>${v.csrf}
${checkbox({
    id: SETTINGS_IDS.enabled, name: 'enabled', value: 'on', label: t('staff.dashboard.enabledLabel'), checked: draft.enabled,
    hint: t(s.kind === 'local' ? 'staff.dashboard.enabledHint.local' : 'staff.dashboard.enabledHint.endpoint'),
  })}
${textInput({
    id: SETTINGS_IDS.area_label, name: 'area_label', label: t('staff.dashboard.areaLabel'), value: draft.area_label,
    hint: t('staff.dashboard.areaLabelHint', { max: v.limits.maxLabel }), error: errorFor(v.errors, SETTINGS_IDS.area_label),
    extra: html` maxlength="${v.limits.maxLabel}"`,
  })}
<button type="submit">${t('staff.dashboard.save')}</button>
</form>
</section>`;
}

function areaList(t: Translator, v: SourcePageView): Html {
  if (v.areas.length === 0) return html`<p>${t('staff.dashboard.areasNone')}</p>`;
  const preview = hasPreview(v.areas)
    ? {
      type: 'FeatureCollection',
      features: v.areas.map((a) => ({ type: 'Feature', properties: { name: a.name }, geometry: { type: 'MultiPolygon', coordinates: a.geometry } })),
    }
    : undefined;
  return html`<p>${t.plural('staff.dashboard.areasCount', v.areas.length)}${preview ? html` ${t('staff.dashboard.mapNote')}` : ''}</p>
${preview ? html`<div id="registry-map" class="registry-map" hidden data-tile-url="${v.map.tileUrl}" data-attribution="${v.map.attribution}" data-geojson="${JSON.stringify(preview)}"></div>` : ''}
<div class="admin-table-wrap"><table class="admin-table">
<caption>${t('staff.dashboard.areasCaption')}</caption>
<thead><tr><th scope="col">${t('staff.dashboard.areaName')}</th><th scope="col">${t('staff.dashboard.areaId')}</th></tr></thead>
<tbody>${v.areas.map((a) => html`<tr><th scope="row">${a.name}</th><td><code>${a.id}</code></td></tr>`)}</tbody>
</table></div>`;
}

function refusal(t: Translator, problems: readonly string[]): Html {
  if (problems.length === 0) return html``;
  return html`<div class="svc-error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="areas-refused-title">
<h3 id="areas-refused-title">${t('staff.dashboard.refusedTitle')}</h3>
<p>${t('staff.dashboard.refusedText')}</p>
<ul>${problems.map((p) => html`<li>${p}</li>`)}</ul>
</div>`;
}

function areasSection(t: Translator, v: SourcePageView): Html {
  const href = sourceAdminHref(v.source.id);
  return html`<section class="admin-section" aria-labelledby="areas-title" id="areas">
<h2 id="areas-title">${t('staff.dashboard.areasTitle')}</h2>
${areaList(t, v)}
<h3 id="upload-title">${t('staff.dashboard.uploadTitle')}</h3>
${refusal(t, v.areaProblems)}
<p class="svc-hint">${t('staff.dashboard.uploadHint', { mb: v.limits.mb, features: t.number(v.limits.features) })}</p>
<form method="post" action="${href}/areas" enctype="multipart/form-data" class="admin-form" aria-labelledby="upload-title">${v.csrf}
<div class="svc-field"><label for="areas-file">${t('staff.dashboard.file')}</label>
<input type="file" id="areas-file" name="file" accept=".geojson,.json,application/geo+json,application/json" required></div>
${textInput({
    id: 'areas-name-property', name: 'name_property', label: t('staff.dashboard.nameProperty'), value: '',
    hint: t('staff.dashboard.namePropertyHint', { names: v.limits.names.join(', ') }), extra: html` maxlength="100" spellcheck="false"`,
  })}
<button type="submit">${t('staff.dashboard.uploadSubmit')}</button>
</form>
<h3 id="registry-areas-title">${t('staff.dashboard.registryTitle')}</h3>
<p class="svc-hint">${t('staff.dashboard.registryHint')}</p>
<form method="post" action="${href}/areas/registry" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.dashboard.registrySubmit')}</button></form>
</section>`;
}

function harvestSection(t: Translator, v: SourcePageView): Html {
  const s = v.source;
  return html`<section class="admin-section" aria-labelledby="harvest-title">
<h2 id="harvest-title">${t('staff.dashboard.harvestTitle')}</h2>
${harvestState(t, s.harvest, v.timezone)}
${s.enabled
    ? html`<form method="post" action="${sourceAdminHref(s.id)}/harvest" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.dashboard.harvestNow')}</button></form>
<p class="svc-hint">${t('staff.dashboard.harvestNowHint')}</p>`
    : html`<p>${t('staff.dashboard.harvestDisabled')}</p>`}
</section>`;
}

export function sourcePageView(t: Translator, v: SourcePageView): Html {
  const s = v.source;
  return html`<p><a href="${DASHBOARD_ADMIN_PATH}">${t('staff.dashboard.back')}</a></p>
<h1>${t('staff.dashboard.sourceTitle', { name: s.name })}</h1>
${v.notice}
${errorSummary(t, v.errors)}
<dl>
<dt>${t('staff.dashboard.kind')}</dt><dd>${t(s.kind === 'local' ? 'staff.dashboard.kind.local' : 'staff.dashboard.kind.endpoint')} (<code>${s.id}</code>)</dd>
<dt>${t('staff.dashboard.timezone')}</dt><dd>${s.timezone}</dd>
<dt>${t('staff.dashboard.requests')}</dt><dd>${t.number(s.requests)}</dd>
<dt>${t('staff.dashboard.updated')}</dt><dd>${s.synced_at === null ? t('staff.dashboard.neverSynced') : t('staff.dashboard.syncedAt', { when: t.dateTime(s.synced_at, v.timezone) })}</dd>
<dt>${t('staff.dashboard.public')}</dt><dd>${publicLink(t, s, v.primaryId)}</dd>
</dl>
${settingsForm(t, v)}
${areasSection(t, v)}
${s.kind === 'endpoint' ? harvestSection(t, v) : ''}
<section class="admin-section" aria-labelledby="rebuild-title">
<h2 id="rebuild-title">${t('staff.dashboard.rebuildTitle')}</h2>
<p class="svc-hint">${t('staff.dashboard.rebuildHint')}</p>
<form method="post" action="${sourceAdminHref(s.id)}/rebuild" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.dashboard.rebuild')}</button></form>
</section>`;
}
