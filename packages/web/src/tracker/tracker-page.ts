/** `/track/:id`: status, due date, timeline, answers, photos, map, follow by e-mail and the feed. */
import type { PublicRequest } from '@o311/georeport';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { MapConfig } from '../citizen/map-config.js';
import { dueState, dueText } from './due.js';
import { followSection, type FollowState } from './follow-form.js';
import { isClosed, statusLabel } from './status-label.js';
import { timeline } from './timeline.js';
import type { AnsweredAttribute, TrackedRequest } from './tracked-request.js';

export interface TrackerView {
  tracked: TrackedRequest;
  now: number;
  follow: FollowState;
  map: MapConfig;
  /** Photos under this prefix are ours (same origin); others are links. */
  mediaBase: string;
  /** "Me too": the count of supporters and the button (support-section.ts). */
  support?: Html;
}

function dueLine(t: Translator, v: TrackerView): Html {
  const { expectedAt, status, j } = v.tracked;
  if (expectedAt === null) return html``;
  const date = t.date(expectedAt, j.timezone);
  if (isClosed(status)) return html`<p class="expected">${t('tracker.expected', { date })}</p>`;
  const state = dueState(expectedAt, v.now, j.timezone);
  return html`<p class="due due-${state.kind}" id="due">${dueText(t, state)} <span class="expected-date">(${t('tracker.expected', { date })})</span></p>`;
}

/** Submitted, updated, address, agency and description, as far as known. */
export function requestSummary(t: Translator, r: PublicRequest, at: { requested: number; updated: number; timezone: string }): Html {
  const row = (label: string, value: Html | string | null): Html =>
    value === null || value === '' ? html`` : html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<dl class="request-summary">
${row(t('tracker.submitted'), t.dateTime(at.requested, at.timezone))}
${row(t('tracker.updated'), t.dateTime(at.updated, at.timezone))}
${row(t('tracker.address'), r.address)}
${row(t('tracker.agency'), r.agency_responsible)}
${row(t('tracker.description'), r.description)}
</dl>`;
}

const summary = (t: Translator, v: TrackerView): Html =>
  requestSummary(t, v.tracked.request, { requested: v.tracked.requestedAt, updated: v.tracked.updatedAt, timezone: v.tracked.j.timezone });

const answerValue = (t: Translator, a: AnsweredAttribute): string =>
  new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(a.answers);

function answers(t: Translator, list: readonly AnsweredAttribute[]): Html {
  if (list.length === 0) return html``;
  return html`<section class="answers" aria-labelledby="answers-title"><h2 id="answers-title">${t('tracker.answers')}</h2>
<dl id="answers">${list.map((a) => html`<div><dt>${a.question}</dt><dd>${answerValue(t, a)}</dd></div>`)}</dl></section>`;
}

function photos(t: Translator, urls: readonly string[], mediaBase: string): Html {
  if (urls.length === 0) return html``;
  const item = (url: string, i: number): Html =>
    url.startsWith(mediaBase)
      ? html`<li><a href="${url}"><img src="${url}" alt="${t('tracker.photoAlt', { n: i + 1 })}" loading="lazy"></a></li>`
      : html`<li><a href="${url}" rel="noopener noreferrer">${t('tracker.photoLink', { n: i + 1 })}</a></li>`;
  return html`<section class="photos" aria-labelledby="photos-title"><h2 id="photos-title">${t('tracker.photos')}</h2>
<ul class="photo-list">${urls.map(item)}</ul></section>`;
}

/** The request's point on a small map (with JavaScript) and in words. */
export function requestPlace(t: Translator, r: Pick<PublicRequest, 'lat' | 'long'>, map: MapConfig): Html {
  const { lat, long } = r;
  if (lat === null || long === null) return html``;
  return html`<section class="place" aria-labelledby="place-title"><h2 id="place-title">${t('tracker.map')}</h2>
<div id="track-map" class="map map-small" hidden data-lat="${lat}" data-long="${long}" data-tile-url="${map.tileUrl}" data-attribution="${map.attribution}" data-label="${t('location.marker')}"></div>
<p class="coordinates-text">${t('tracker.coordinates', { lat: t.number(lat), long: t.number(long) })}</p></section>`;
}

export function trackerPage(t: Translator, v: TrackerView): Html {
  const { request: r, status, events, j } = v.tracked;
  const closed = isClosed(status);
  return html`<p class="breadcrumb"><a href="/">${t('report.allServices')}</a></p>
<h1>${t('tracker.title', { id: r.service_request_id })}</h1>
<p class="service-name-line">${v.tracked.serviceName}</p>
<p class="status-line">${t('tracker.status')} <strong class="status-badge ${closed ? 'status-closed' : 'status-open'}" id="request-status">${statusLabel(t, status)}</strong></p>
${dueLine(t, v)}
${r.status_notes ? html`<p class="status-notes">${r.status_notes}</p>` : ''}
${v.support ?? ''}
${summary(t, v)}
<section class="history" aria-labelledby="timeline-title"><h2 id="timeline-title">${t('tracker.timeline')}</h2>
${timeline(t, j.timezone, events)}</section>
${answers(t, v.tracked.attributes)}
${photos(t, v.tracked.photos, v.mediaBase)}
${requestPlace(t, v.tracked.request, v.map)}
${followSection(t, r.service_request_id, v.follow)}`;
}
