/**
 * `/discover`: the map (click, or "use my location"), the coordinates form
 * (a plain GET, the path that works without JavaScript) and the answer for
 * the spot chosen.
 */
import { html, jsonData, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { errorSummary } from '../citizen/error-summary.js';
import { describedBy, hintAndError, labelText, type FieldFrame } from '../citizen/field-parts.js';
import { DISCOVER_CONFIG_ID, type DiscoverConfig } from './discover-config.js';
import { RESULTS_ID, resultsView, type SpotResults } from './results-view.js';
import { MAX_PLACE_LENGTH, PLACE_FIELD, type PlaceAnswer } from './place-query.js';
import { LAT_FIELD, LONG_FIELD, type SpotFieldError, type SpotQuery } from './spot-query.js';

export interface DiscoverView {
  query: SpotQuery;
  /** Present when the query was a point. */
  results?: SpotResults;
  /** Present when a place was typed by name. */
  place?: PlaceAnswer;
  config: DiscoverConfig;
}

function coordinateField(t: Translator, name: 'lat' | 'long', typed: string, errors: readonly SpotFieldError[]): Html {
  const id = name === 'lat' ? LAT_FIELD : LONG_FIELD;
  const error = errors.find((e) => e.id === id);
  const f: FieldFrame = {
    id,
    label: t(name === 'lat' ? 'discover.lat' : 'discover.long'),
    required: true,
    hint: t(name === 'lat' ? 'discover.latHint' : 'discover.longHint'),
    ...(error !== undefined && { error: t(error.message) }),
  };
  const by = describedBy(f);
  return html`<div class="field${f.error ? ' field-invalid' : ''}"><label for="${id}">${labelText(t, f)}</label>${hintAndError(f)}<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="${id}" name="${name}" value="${typed}"${
    by ? html` aria-describedby="${by}"` : ''
  }${f.error ? html` aria-invalid="true"` : ''}></div>`;
}

function coordinatesForm(t: Translator, query: SpotQuery): Html {
  const typed = query.kind === 'empty' ? { lat: '', long: '' } : query.typed;
  const errors = query.kind === 'invalid' ? query.errors : [];
  return html`<form action="/discover" method="get" id="discover-form" class="discover-form" novalidate>
<fieldset><legend>${t('discover.formTitle')}</legend>
<div class="field-row">${coordinateField(t, 'lat', typed.lat, errors)}${coordinateField(t, 'long', typed.long, errors)}</div>
</fieldset>
<button type="submit">${t('discover.submit')}</button>
</form>`;
}

function placeForm(t: Translator, answer: PlaceAnswer | undefined): Html {
  const typed = answer === undefined ? '' : answer.kind === 'none' ? answer.typed : answer.place.boundary.name;
  return html`<form action="/discover" method="get" id="discover-place-form" class="discover-form" role="search" aria-labelledby="discover-place-title">
<h2 id="discover-place-title">${t('discover.placeFormTitle')}</h2>
<div class="field"><label for="${PLACE_FIELD}">${t('discover.place')}</label><p class="hint" id="${PLACE_FIELD}-hint">${t('discover.placeHint')}</p>
<input type="search" id="${PLACE_FIELD}" name="place" maxlength="${MAX_PLACE_LENGTH}" autocomplete="off" value="${typed}" aria-describedby="${PLACE_FIELD}-hint"></div>
<button type="submit">${t('discover.placeSubmit')}</button>
</form>`;
}

const tierName = (t: Translator, tier: string): string => t(`discover.tier.${tier}` as Parameters<Translator>[0]);

function placeNotice(t: Translator, answer: PlaceAnswer | undefined): Html {
  if (answer === undefined) return html``;
  if (answer.kind === 'none') return html`<p class="notice" role="status" id="discover-place-answer">${t('discover.placeNone', { name: answer.typed })}</p>`;
  const { place, others } = answer;
  const link = (c: typeof place) => html`<a href="/discover?lat=${c.point.lat.toFixed(6)}&amp;long=${c.point.long.toFixed(6)}">${c.boundary.name} (${tierName(t, c.boundary.tier)})</a>`;
  return html`<div id="discover-place-answer"><p class="notice">${t('discover.placeShowing', { name: place.boundary.name, tier: tierName(t, place.boundary.tier) })}</p>${
    others.length > 0 ? html`<p>${t('discover.placeOthers')}</p><ul>${others.map((o) => html`<li>${link(o)}</li>`)}</ul>` : ''
  }</div>`;
}

export function discoverPage(t: Translator, view: DiscoverView): Html {
  const errors = view.query.kind === 'invalid' ? view.query.errors.map((e) => ({ id: e.id, message: t(e.message) })) : [];
  return html`<h1>${t('discover.title')}</h1>
<p class="lead">${t('discover.intro')}</p>
${errors.length > 0 ? errorSummary(t, errors) : ''}
<div class="map-block" id="discover-map-block" hidden>
<p class="hint" id="discover-map-help">${t('discover.mapHelp')}</p>
<div id="discover-map" class="map" aria-describedby="discover-map-help"></div>
<button type="button" id="discover-locate" class="secondary">${t('discover.useMine')}</button>
</div>
<p id="discover-status" class="status" role="status"></p>
${coordinatesForm(t, view.query)}
${placeForm(t, view.place)}
${placeNotice(t, view.place)}
<div id="${RESULTS_ID}">${view.results ? html`<section aria-labelledby="${RESULTS_ID}-title">${resultsView(t, view.results)}</section>` : ''}</div>
<script type="application/json" id="${DISCOVER_CONFIG_ID}">${jsonData(view.config)}</script>`;
}
