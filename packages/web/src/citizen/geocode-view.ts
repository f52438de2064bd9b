/**
 * The report form's address search (issue 14): "Find this address" beside
 * the address field and, when the server searched (the form without
 * JavaScript), the places found as a choice, with "send the address only" as
 * the last one. With JavaScript, browser/geocode.ts fills #geocode-results
 * from /geocode instead and moves the map's marker.
 */
import type { GeocodeCandidate } from '@o311/geocoder';
import { html, jsonData, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';

export const GEOCODE_CONFIG_ID = 'geocode-config';
/** The value of the "address only" choice. */
export const ADDRESS_ONLY = 'address';

/** What the server found for the typed address; 'none' when nothing matched, 'failed' when it could not look. */
export interface GeocodeView {
  query: string;
  candidates: readonly GeocodeCandidate[] | 'none' | 'failed';
}

/** Texts browser/geocode.ts shows (it declares the same list). */
const BROWSER_KEYS = [
  'geocode.finding', 'geocode.empty', 'geocode.legend', 'geocode.hint', 'geocode.use', 'geocode.addressOnly', 'geocode.none', 'geocode.busy',
  'geocode.failed', 'geocode.preview', 'geocode.confirmed', 'geocode.keptAddressOnly',
  'geocode.kind.address', 'geocode.kind.interpolated', 'geocode.kind.street', 'geocode.kind.place',
] as const satisfies readonly MessageKey[];

/** A point as the choice's value: `lat,long`. */
export const pointValue = (c: Pick<GeocodeCandidate, 'lat' | 'long'>): string => `${c.lat},${c.long}`;

function choices(t: Translator, query: string, candidates: readonly GeocodeCandidate[]): Html {
  const item = (c: GeocodeCandidate, i: number): Html => html`<div class="choice"><input type="radio" name="geocode_pick" id="geocode-pick-${i}" value="${pointValue(c)}"${
    i === 0 ? html` checked` : ''}><label for="geocode-pick-${i}">${c.label} <span class="hint">(${t(`geocode.kind.${c.kind}`)})</span></label></div>`;
  return html`<fieldset class="geocode-candidates" id="geocode-candidates"><legend>${t('geocode.legend', { query })}</legend>
<p class="hint">${t('geocode.hintNoJs')}</p>
${candidates.map(item)}
<div class="choice"><input type="radio" name="geocode_pick" id="geocode-pick-none" value="${ADDRESS_ONLY}"><label for="geocode-pick-none">${t('geocode.addressOnly')}</label></div>
<button type="submit" name="geocode" value="use" class="secondary" formnovalidate>${t('geocode.use')}</button>
</fieldset>`;
}

function found(t: Translator, view: GeocodeView | undefined): Html {
  if (view === undefined) return html``;
  if (view.candidates === 'none') return html`<p class="notice" id="geocode-none">${t('geocode.none', { query: view.query })}</p>`;
  if (view.candidates === 'failed') return html`<p class="notice">${t('geocode.failed')}</p>`;
  return choices(t, view.query, view.candidates);
}

export function geocodeControls(t: Translator, view: GeocodeView | undefined): Html {
  const messages = Object.fromEntries(BROWSER_KEYS.map((k) => [k, t(k)]));
  return html`<div class="geocode" id="geocode">
<button type="submit" name="geocode" value="find" id="geocode-find" class="secondary" formnovalidate>${t('geocode.find')}</button>
<p id="geocode-status" class="status" role="status"></p>
<div id="geocode-results">${found(t, view)}</div>
</div>
<script type="application/json" id="${GEOCODE_CONFIG_ID}">${jsonData({ url: '/geocode', messages })}</script>`;
}
