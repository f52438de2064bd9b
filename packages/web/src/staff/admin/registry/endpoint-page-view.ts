/**
 * /staff/registry/new and /staff/registry/:slug: the endpoint's details, and
 * for an existing one its boundary (shown on a map), the upload of a new one,
 * "Check now" and delete, and the sections of the monitor, the dashboard and the federated endpoint.
 */
import { TIERS } from '@o311/georeport';
import { ENDPOINT_STATUSES, type Boundary, type Endpoint, type Jurisdiction } from '@o311/store';
import { html, type Html } from '../../../html.js';
import type { Translator } from '../../../i18n/translate.js';
import { errorSummary } from '../../forms/error-summary.js';
import { checkbox, checkboxGroup, errorFor, selectField, textArea, textInput, type FieldError } from '../../forms/fields.js';
import { endpointHref, checkText } from './registry-list-view.js';
import { fieldId, type EndpointDraft } from './endpoint-draft.js';

export interface EndpointPageView {
  jurisdiction: Jurisdiction;
  /** Undefined on the "new" page. */
  endpoint: Endpoint | undefined;
  boundary: Boundary | undefined;
  draft: EndpointDraft;
  errors: readonly FieldError[];
  uploadError: string | undefined;
  notice: Html;
  csrf: Html;
  /** The map tiles, for the boundary's preview. */
  map: { tileUrl: string; attribution: string };
  /** The federated endpoint's section (federation-section.ts); empty on the "new" page. */
  federation: Html | '';
  /** The monitor's section (monitor-section.ts); empty on the "new" page and for a retired endpoint. */
  monitor: Html | '';
  /** The dashboard's section (dashboard-section.ts); empty on the "new" page. */
  dashboard: Html | '';
}

function detailsForm(t: Translator, v: EndpointPageView): Html {
  const d = v.draft;
  const input = (name: keyof EndpointDraft, label: string, extra: { required?: boolean; hint?: string; type?: 'email' } = {}) =>
    textInput({ id: fieldId(name), name, label, value: d[name], error: errorFor(v.errors, fieldId(name)), ...extra });
  const action = v.endpoint ? endpointHref(v.endpoint.slug) : '/staff/registry';
  return html`<form method="post" action="${action}" class="admin-form" novalidate>${v.csrf}
${input('name', t('staff.registry.name'), { required: true })}
${v.endpoint ? html`<input type="hidden" name="slug" value="${d.slug}">` : input('slug', t('staff.registry.slug'), { required: true, hint: t('staff.registry.slugHint') })}
${selectField({ id: fieldId('tier'), name: 'tier', label: t('staff.registry.tier'), value: d.tier || 'city', choices: TIERS.map((x) => ({ value: x, label: x })), error: errorFor(v.errors, fieldId('tier')) })}
${selectField({ id: fieldId('status'), name: 'status', label: t('staff.registry.status'), value: d.status || 'production', choices: ENDPOINT_STATUSES.map((x) => ({ value: x, label: x })), error: errorFor(v.errors, fieldId('status')) })}
${input('country', t('staff.registry.country'))}
${checkbox({ id: fieldId('local'), name: 'local', value: 'on', label: t('staff.registry.local'), checked: d.local === 'on' || d.local === 'true', hint: t('staff.registry.localHint') })}
${input('base_url', t('staff.registry.baseUrl'))}
${input('discovery_url', t('staff.registry.discoveryUrl'))}
${input('jurisdiction_id', t('staff.registry.jurisdictionId'))}
${checkboxGroup({ id: fieldId('formats'), name: 'formats', legend: t('staff.registry.formats'), choices: [{ value: 'xml', label: 'XML' }, { value: 'json', label: 'JSON' }], checked: (d.formats || 'xml,json').split(',') })}
${input('api_key_url', t('staff.registry.apiKeyUrl'))}
${input('terms_url', t('staff.registry.termsUrl'))}
${input('contact_email', t('staff.registry.contact'), { type: 'email' })}
${input('quirks', t('staff.registry.quirks'))}
${textArea({ id: fieldId('notes'), name: 'notes', label: t('staff.registry.notes'), value: d.notes, error: errorFor(v.errors, fieldId('notes')) })}
<input type="hidden" name="boundary_id" value="${d.boundary_id}">
<button type="submit">${t(v.endpoint ? 'staff.registry.save' : 'staff.registry.create')}</button>
</form>`;
}

function boundarySection(t: Translator, v: EndpointPageView, e: Endpoint): Html {
  const b = v.boundary;
  // The map script reads the boundary as a GeoJSON Feature from the element.
  const preview = b && { type: 'Feature', properties: { name: b.name }, geometry: { type: 'MultiPolygon', coordinates: b.geometry } };
  return html`<section class="admin-section" aria-labelledby="boundary-title">
<h2 id="boundary-title">${t('staff.registry.boundaryTitle')}</h2>
${b
    ? html`<p>${t('staff.registry.boundaryNow', { name: b.name, tier: b.tier, polygons: b.geometry.length })}${b.approximate ? html` — <em>${t('staff.registry.approximate')}</em>` : ''}</p>
<div id="registry-map" class="registry-map" hidden data-tile-url="${v.map.tileUrl}" data-attribution="${v.map.attribution}" data-geojson="${JSON.stringify(preview)}"></div>`
    : html`<p>${t('staff.registry.boundaryNone')}</p>`}
<h3>${t('staff.registry.upload')}</h3>
<p class="svc-hint">${t('staff.registry.uploadHint')}</p>
${v.uploadError ? html`<p class="svc-field-error" role="alert" id="boundary-upload-error">${t('staff.registry.uploadProblem', { problem: v.uploadError })}</p>` : ''}
<form method="post" action="${endpointHref(e.slug)}/boundary" enctype="multipart/form-data" class="admin-form">${v.csrf}
<div class="svc-field"><label for="boundary-file">${t('staff.registry.file')}</label>
<input type="file" id="boundary-file" name="file" accept=".geojson,.json,.topojson,.zip,application/geo+json,application/json,application/zip" required></div>
${textInput({ id: 'boundary-name', name: 'boundary_name', label: t('staff.registry.boundaryName'), value: b?.name ?? e.name })}
${selectField({ id: 'boundary-tier', name: 'boundary_tier', label: t('staff.registry.tier'), value: b?.tier ?? e.tier, choices: TIERS.map((x) => ({ value: x, label: x })) })}
<button type="submit">${t('staff.registry.uploadSubmit')}</button>
</form>
</section>`;
}

function checkSection(t: Translator, v: EndpointPageView, e: Endpoint): Html {
  return html`<section class="admin-section" aria-labelledby="check-title">
<h2 id="check-title">${t('staff.registry.checkTitle')}</h2>
<p>${t('staff.registry.lastCheck')}: ${checkText(t, e, v.jurisdiction.timezone)}</p>
<form method="post" action="${endpointHref(e.slug)}/check" class="admin-inline-form">${v.csrf}<button type="submit">${t('staff.registry.checkNow')}</button></form>
<p class="svc-hint">${t('staff.registry.checkHint')}</p>
<form method="post" action="${endpointHref(e.slug)}/delete" class="admin-inline-form">${v.csrf}<button type="submit" class="admin-danger">${t('staff.registry.delete')}</button></form>
</section>`;
}

export function endpointPageView(t: Translator, v: EndpointPageView): Html {
  const e = v.endpoint;
  return html`<p><a href="/staff/registry">${t('staff.registry.title')}</a></p>
<h1>${e ? t('staff.registry.editTitle', { name: e.name }) : t('staff.registry.newTitle')}</h1>
${v.notice}
${errorSummary(t, v.errors)}
<section class="admin-section" aria-labelledby="details-title">
<h2 id="details-title">${t('staff.registry.details')}</h2>
${detailsForm(t, v)}
</section>
${e ? boundarySection(t, v, e) : ''}
${e ? checkSection(t, v, e) : ''}
${v.monitor}
${v.dashboard}
${v.federation}`;
}
