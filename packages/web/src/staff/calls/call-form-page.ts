/**
 * `/staff/calls/report/:code`: the request form of one service, in the order
 * of a phone call: who calls (private), where, the service's questions, what
 * they say, and whether they want the receipt. A plain form (POST to the same
 * path, the address search by "Find this address" as on the citizen form);
 * every problem is named at its field and in the summary, values kept.
 */
import { MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_SHORT_FIELD_LENGTH, type Service, type ServiceDefinition } from '@o311/georeport';
import { html, jsonData, type Html } from '../../html.js';
import type { MessageKey, Translator } from '../../i18n/translate.js';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.js';
import { attributeField } from '../../citizen/attribute-field.js';
import { errorSummary } from '../forms/error-summary.js';
import { inputAria, textField, type FieldFrame } from '../../citizen/field-parts.js';
import { FIELD_IDS, attributeId, valueOf, type FixedField, type FormFields } from '../../citizen/form-state.js';
import { FORM_TOKEN_FIELD } from '../../citizen/form-token.js';
import { geocodeControls, type GeocodeView } from '../../citizen/geocode-view.js';
import type { FieldError } from '../../citizen/report-check.js';
import type { MapConfig } from '../../citizen/map-config.js';
import type { MapView } from '../../citizen/map-center.js';
import { EMAIL_PATTERN } from '../../citizen/value-checks.js';
import { CALL_FIELDS, CALL_FIELD_IDS } from './call-fields.js';
import { CALLS_PATH, callFormPath } from './paths.js';

export interface CallFormView {
  service: Service;
  definition: ServiceDefinition;
  fields: FormFields;
  errors: readonly FieldError[];
  /** What the server refused beyond our own checks, as it said it. */
  serverProblems: readonly string[];
  geocode?: GeocodeView;
  formToken: string;
  csrf: Html;
  /** The caller's language when the form starts (the agent's own). */
  locale: string;
  /** Offer the receipt by SMS (the server has an SMS channel). */
  sms: boolean;
  /** Where the map opens (browser/staff-call.ts shows it; without JavaScript the point is found by the address). */
  map: MapConfig & { center: MapView };
}

/** The id of the map's settings (browser/staff-call.ts reads them). */
export const CALL_MAP_CONFIG_ID = 'call-map-config';

function mapBlock(t: Translator, map: CallFormView['map']): Html {
  const config = { map, messages: { 'location.marker': t('location.marker'), 'location.chosen': t('location.chosen') } };
  return html`<div class="map-block" id="call-map-block" hidden>
<p class="hint" id="call-map-help">${t('calls.form.mapHelp')}</p>
<div id="call-map" class="map" aria-describedby="call-map-help"></div>
<p id="call-map-status" class="status" role="status"></p>
</div>
<script type="application/json" id="${CALL_MAP_CONFIG_ID}">${jsonData(config)}</script>`;
}

type Ctx = { t: Translator; fields: FormFields; errors: readonly FieldError[]; /** A fresh form: its first field takes the focus. */ fresh: boolean };

const errorFor = (c: Ctx, id: string): string | undefined => c.errors.find((e) => e.id === id)?.message;

function frame(c: Ctx, id: string, label: MessageKey, hint?: string): FieldFrame {
  const error = errorFor(c, id);
  return { id, label: c.t(label), required: false, ...(hint !== undefined && { hint }), ...(error !== undefined && { error }) };
}

const section = (id: string, title: string, body: Html): Html =>
  html`<fieldset class="step" id="${id}"><legend>${title}</legend>${body}</fieldset>`;

function contactInput(c: Ctx, name: FixedField, label: MessageKey, type: string): Html {
  const f = frame(c, FIELD_IDS[name], label);
  const pattern = name === 'email' ? html` pattern="${EMAIL_PATTERN}"` : '';
  const focus = c.fresh && name === 'first_name' ? html` autofocus` : '';
  return textField(c.t, f, html`<input type="${type}" name="${name}" autocomplete="off" maxlength="${MAX_SHORT_FIELD_LENGTH}" value="${valueOf(c.fields, name)}"${pattern}${focus} ${inputAria(f)}>`);
}

function callerSection(c: Ctx, locale: string): Html {
  const { t } = c;
  const language = valueOf(c.fields, CALL_FIELDS.locale) || locale;
  return section('call-step-caller', t('calls.form.caller'), html`<p class="privacy-note">${t('calls.form.callerPrivate')}</p>
<div class="field-row">${contactInput(c, 'first_name', 'contact.firstName', 'text')}${contactInput(c, 'last_name', 'contact.lastName', 'text')}</div>
${contactInput(c, 'phone', 'contact.phone', 'tel')}
${contactInput(c, 'email', 'contact.email', 'email')}
${textField(t, frame(c, CALL_FIELD_IDS.locale, 'calls.form.language'), html`<select name="${CALL_FIELDS.locale}" id="${CALL_FIELD_IDS.locale}">${LOCALES.map(
    (l) => html`<option value="${l}"${l === language ? html` selected` : ''}>${LOCALE_NAMES[l]}</option>`,
  )}</select>`)}`);
}

function coordinateInput(c: Ctx, name: 'lat' | 'long', label: MessageKey, limit: number): Html {
  const f = frame(c, FIELD_IDS[name], label);
  return textField(c.t, f, html`<input type="number" name="${name}" step="any" min="${-limit}" max="${limit}" inputmode="decimal" value="${valueOf(c.fields, name)}" ${inputAria(f)}>`);
}

function placeSection(c: Ctx, geocode: GeocodeView | undefined, map: CallFormView['map']): Html {
  const { t } = c;
  const address = frame(c, FIELD_IDS.address_string, 'location.addressLabel', t('calls.form.addressHint'));
  const hasPoint = valueOf(c.fields, 'lat') !== '' || errorFor(c, FIELD_IDS.lat) !== undefined;
  return section('call-step-place', t('calls.form.place'), html`${textField(t, address, html`<input type="text" name="address_string" autocomplete="off" maxlength="${MAX_ADDRESS_LENGTH}" value="${valueOf(c.fields, 'address_string')}" ${inputAria(address)}>`)}
${geocodeControls(t, geocode)}
${mapBlock(t, map)}
<details class="coordinates" id="coordinates"${hasPoint ? html` open` : ''}><summary>${t('location.coordinates')}</summary>
${coordinateInput(c, 'lat', 'location.lat', 90)}${coordinateInput(c, 'long', 'location.long', 180)}
</details>`);
}

function problemSection(c: Ctx, definition: ServiceDefinition): Html {
  const { t } = c;
  const description = frame(c, FIELD_IDS.description, 'calls.form.description', t('form.public.description'));
  return section('call-step-problem', t('calls.form.problem'), html`${definition.attributes.map((a) =>
    attributeField(t, a, c.fields, errorFor(c, attributeId(a.code))),
  )}
${textField(t, description, html`<textarea name="description" rows="4" maxlength="${MAX_DESCRIPTION_LENGTH}" ${inputAria(description)}>${valueOf(c.fields, 'description')}</textarea>`)}`);
}

function consent(c: Ctx, name: string, id: string, label: MessageKey): Html {
  const error = errorFor(c, id);
  return html`<div class="choice${error ? ' field-invalid' : ''}">${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}<input type="checkbox" name="${name}" id="${id}" value="1"${
    valueOf(c.fields, name) === '1' ? html` checked` : ''}${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}><label for="${id}">${c.t(label)}</label></div>`;
}

function receiptSection(c: Ctx, sms: boolean): Html {
  return section('call-step-receipt', c.t('calls.form.receipt'), html`<p class="hint">${c.t('calls.form.receiptHint')}</p>
${consent(c, CALL_FIELDS.receiptEmail, CALL_FIELD_IDS.receiptEmail, 'calls.form.receiptEmail')}
${sms ? consent(c, CALL_FIELDS.receiptSms, CALL_FIELD_IDS.receiptSms, 'calls.form.receiptSms') : ''}`);
}

export function callFormPage(t: Translator, v: CallFormView): Html {
  const fresh = v.errors.length === 0 && v.serverProblems.length === 0 && v.geocode === undefined;
  const c: Ctx = { t, fields: v.fields, errors: v.errors, fresh };
  return html`<p><a href="${CALLS_PATH}">${t('calls.back')}</a></p>
<h1>${t('calls.form.title', { service: v.service.service_name })}</h1>
${v.service.description ? html`<p class="lead">${v.service.description}</p>` : ''}
${errorSummary(t, [
    ...v.errors.map((e) => ({ field: e.id, message: e.message })),
    // What the server refused beyond our checks names no field of ours: the summary points at the button that sends again.
    ...v.serverProblems.map((message) => ({ field: 'call-save', message })),
  ])}
<form id="call-form" class="report-form call-form" method="post" action="${callFormPath(v.service.service_code)}" novalidate>${v.csrf}
<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${v.formToken}">
${callerSection(c, v.locale)}
${placeSection(c, v.geocode, v.map)}
${problemSection(c, v.definition)}
${receiptSection(c, v.sms)}
<div class="actions"><button type="submit" id="call-save">${t('calls.form.save')}</button></div>
</form>`;
}
