/** `/track/slug:ID`: a request another endpoint handles, with who that is, its status, dates, description and latest update. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { MapConfig } from '../citizen/map-config.js';
import { tierLabel } from '../citizen/routed/tier-label.js';
import type { FederatedTracked } from './federated-request.js';
import { isClosed, statusLabel } from './status-label.js';
import { requestPlace, requestSummary } from './tracker-page.js';

export interface FederatedTrackerView {
  tracked: FederatedTracked;
  /** Dates are shown in the zone of the city this app serves. */
  timezone: string;
  map: MapConfig;
}

function latestUpdate(t: Translator, v: FederatedTrackerView): Html {
  const { request: r, updatedAt } = v.tracked;
  if (r.status_notes === null || r.status_notes === '') return html``;
  return html`<section class="history" aria-labelledby="update-title"><h2 id="update-title">${t('routed.latestUpdate')}</h2>
<p class="event-time"><time datetime="${r.updated_datetime}">${t.dateTime(updatedAt, v.timezone)}</time></p>
<p class="status-notes" id="status-notes">${r.status_notes}</p></section>`;
}

export function federatedTrackerPage(t: Translator, v: FederatedTrackerView): Html {
  const { request: r, endpoint, expectedAt } = v.tracked;
  return html`<p class="breadcrumb"><a href="/">${t('report.allServices')}</a></p>
<h1>${t('tracker.title', { id: r.service_request_id })}</h1>
<p class="service-name-line">${v.tracked.serviceName}</p>
<p class="handled-by" id="handled-by">${t('routed.trackerNote', { name: endpoint.name, tier: tierLabel(t, endpoint.tier) })}</p>
<p class="status-line">${t('tracker.status')} <strong class="status-badge ${isClosed(r.status) ? 'status-closed' : 'status-open'}" id="request-status">${statusLabel(t, r.status)}</strong></p>
${expectedAt === null ? '' : html`<p class="expected">${t('tracker.expected', { date: t.date(expectedAt, v.timezone) })}</p>`}
${requestSummary(t, r, { requested: v.tracked.requestedAt, updated: v.tracked.updatedAt, timezone: v.timezone })}
${latestUpdate(t, v)}
${requestPlace(t, r, v.map)}`;
}
