/**
 * `/report/:code`: the report form built from the service definition. It works
 * as a plain form (POST to the same path); the browser modules add the map,
 * geolocation, photo resizing, the draft and the submission through the API.
 */
import { MAX_ADDRESS_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_SHORT_FIELD_LENGTH, type Service, type ServiceDefinition } from '@o311/georeport';
import { html, jsonData, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import { attributeField } from './attribute-field.js';
import { errorSummary } from './error-summary.js';
import { inputAria, textField, type FieldFrame } from './field-parts.js';
import { FIELD_IDS, attributeId, valueOf, type FixedField, type FormFields } from './form-state.js';
import { FORM_TOKEN_FIELD } from './form-token.js';
import { nearbySection, nearbySupportForms, type NearbyRequest } from './nearby.js';
import { REPORT_CONFIG_ID, type ReportConfig } from './report-config.js';
import { geocodeControls, type GeocodeView } from './geocode-view.js';
import type { FieldError } from './report-check.js';
import { EMAIL_PATTERN } from './value-checks.js';

export interface ReportView {
  service: Service;
  definition: ServiceDefinition;
  fields: FormFields;
  errors: readonly FieldError[];
  /** What the server refused beyond our own checks, as it said it. */
  serverProblems: readonly string[];
  nearby: readonly NearbyRequest[];
  /** What the address search found (the form without JavaScript; see geocode-form.ts). */
  geocode?: GeocodeView;
  timezone: string;
  config: ReportConfig;
  /** The signed-in citizen: the report is linked to the account, the e-mail prefilled. */
  account?: { id: string; email: string };
  /** A service of another endpoint (routed/): where the form posts, who handles it, and what they do with contact data. */
  routed?: { action: string; handledBy: string; privacy: string };
  /** The form's one-time token (form-token.ts). */
  formToken?: string;
  /** "Each photo at most …, all together at most …". */
  photoLimits?: string;
}

export const reportPath = (code: string): string => `/report/${encodeURIComponent(code)}`;


type Ctx = { t: Translator; fields: FormFields; errors: readonly FieldError[]; account?: ReportView['account']; privacy: string; nearby: Html; geocode: Html };

const errorFor = (c: Ctx, id: string): string | undefined => c.errors.find((e) => e.id === id)?.message;

function frame(c: Ctx, name: FixedField, label: MessageKey, hint?: MessageKey): FieldFrame {
  const id = FIELD_IDS[name];
  const error = errorFor(c, id);
  return {
    id,
    label: c.t(label),
    required: false,
    ...(hint !== undefined && { hint: c.t(hint) }),
    ...(error !== undefined && { error }),
  };
}

const step = (n: number, id: string, title: string, body: Html): Html =>
  html`<fieldset class="step" id="${id}"><legend><span class="step-number">${n}</span> ${title}</legend>${body}</fieldset>`;

function coordinateInput(c: Ctx, name: 'lat' | 'long', label: MessageKey, limit: number): Html {
  const f = frame(c, name, label);
  return textField(c.t, f, html`<input type="number" name="${name}" step="any" min="${-limit}" max="${limit}" inputmode="decimal" value="${valueOf(c.fields, name)}" ${inputAria(f)}>`);
}

function locationStep(c: Ctx): Html {
  const { t } = c;
  const address = frame(c, 'address_string', 'location.addressLabel', 'location.addressHint');
  const hasPoint = valueOf(c.fields, 'lat') !== '' || errorFor(c, FIELD_IDS.lat) !== undefined;
  return step(1, 'step-location', t('report.stepLocation'), html`<p class="hint">${t('location.intro')}</p>
<div class="map-and-nearby">
<div class="map-block" id="map-block" hidden>
<p class="hint" id="map-help">${t('location.mapHelp')}</p>
<div id="report-map" class="map" aria-describedby="map-help"></div>
<button type="button" id="locate-me" class="secondary">${t('location.useMine')}</button>
<p id="location-status" class="status" role="status"></p>
</div>
${c.nearby}
</div>
${textField(t, address, html`<input type="text" name="address_string" autocomplete="street-address" maxlength="${MAX_ADDRESS_LENGTH}" value="${valueOf(c.fields, 'address_string')}" ${inputAria(address)}>`)}
${c.geocode}
<details class="coordinates" id="coordinates"${hasPoint ? html` open` : ''}><summary>${t('location.coordinates')}</summary>
${coordinateInput(c, 'lat', 'location.lat', 90)}${coordinateInput(c, 'long', 'location.long', 180)}
</details>`);
}

function detailsStep(c: Ctx, definition: ServiceDefinition): Html {
  const { t } = c;
  const description = { ...frame(c, 'description', 'report.descriptionLabel'), hint: `${t('report.descriptionHint')} ${t('form.public.description')}` };
  return step(2, 'step-details', t('report.stepDetails'), html`${definition.attributes.map((a) =>
    attributeField(t, a, c.fields, errorFor(c, attributeId(a.code))),
  )}
${textField(t, { ...description, label: `${description.label} (${t('common.optional')})` }, html`<textarea name="description" rows="5" data-max="${MAX_DESCRIPTION_LENGTH}" ${inputAria(description)}>${valueOf(c.fields, 'description')}</textarea>
<p class="char-count" id="description-count" aria-live="polite" hidden></p>`)}`);
}

function photosStep(c: Ctx, maxPhotos: number, limits: string): Html {
  const { t } = c;
  const photos = { ...frame(c, 'media', 'photos.label'), hint: [t('photos.hint', { max: maxPhotos }), limits, t('form.public.photos')].filter(Boolean).join(' ') };
  // The button-like label replaces the native control's "No file chosen" once the browser module shows previews.
  return step(3, 'step-photos', t('report.stepPhotos'), html`${textField(t, photos, html`<input type="file" name="media" accept="image/jpeg,image/png,image/gif,image/webp,image/heic" multiple ${inputAria(photos)}>
<label for="${FIELD_IDS.media}" class="file-button" id="photo-button" hidden>${t('form.photo.choose')}</label>`)}
<ul class="photo-previews" id="photo-previews"></ul>
<p id="photo-status" class="status photo-status" role="status"></p>`);
}

function contactStep(c: Ctx, n: number): Html {
  const { t } = c;
  const input = (name: 'email' | 'first_name' | 'last_name' | 'phone', label: MessageKey, type: string, autocomplete: string): Html => {
    const f = frame(c, name, label);
    const pattern = name === 'email' ? html` pattern="${EMAIL_PATTERN}"` : '';
    // A fresh form of a signed-in citizen starts with the account's address; a form sent back keeps what was typed.
    const value = name === 'email' && c.account && !c.fields.has('email') ? c.account.email : valueOf(c.fields, name);
    return textField(t, f, html`<input type="${type}" name="${name}" autocomplete="${autocomplete}" maxlength="${MAX_SHORT_FIELD_LENGTH}" value="${value}"${pattern} ${inputAria(f)}>`);
  };
  return step(n, 'step-contact', t('report.stepContact'), html`<p class="privacy-note" id="privacy-note">${c.privacy}</p>
${input('email', 'contact.email', 'email', 'email')}
<div class="field-row">${input('first_name', 'contact.firstName', 'text', 'given-name')}${input('last_name', 'contact.lastName', 'text', 'family-name')}</div>
${input('phone', 'contact.phone', 'tel', 'tel')}`);
}

export function reportPage(t: Translator, v: ReportView): Html {
  const c: Ctx = {
    t, fields: v.fields, errors: v.errors, ...(v.account && { account: v.account }), privacy: v.routed?.privacy ?? t('report.privacy'),
    nearby: nearbySection(t, v.timezone, v.nearby),
    // Typed addresses are searched in this jurisdiction's gazetteer: not for another endpoint's service.
    geocode: v.routed === undefined ? geocodeControls(t, v.geocode) : html``,
  };
  const code = v.service.service_code;
  // Photos go only to this server's own services (the federated endpoint takes no files).
  const photos = v.routed === undefined;
  return html`<p class="breadcrumb"><a href="/">${t('report.allServices')}</a></p>
<h1>${v.service.service_name}</h1>
${v.service.description ? html`<p class="lead">${v.service.description}</p>` : ''}
${v.routed ? html`<p class="handled-by" id="handled-by">${v.routed.handledBy}</p>` : ''}
${errorSummary(t, v.errors, v.serverProblems)}
<form id="report-form" class="report-form" method="post" action="${v.routed?.action ?? reportPath(code)}" enctype="multipart/form-data" data-service="${code}">
<input type="hidden" name="service_code" value="${code}">
${v.formToken ? html`<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${v.formToken}">` : ''}
${v.account ? html`<input type="hidden" name="account_id" value="${v.account.id}">` : ''}
${locationStep(c)}
${detailsStep(c, v.definition)}
${photos ? photosStep(c, v.config.maxPhotos, v.photoLimits ?? '') : ''}
${contactStep(c, photos ? 4 : 3)}
<p class="public-notice" id="public-notice">${t('form.public.notice')}</p>
<div class="actions"><button type="submit" id="submit-report">${t('report.submit')}</button></div>
<p id="submit-status" class="status" role="status"></p>
</form>
${nearbySupportForms(v.nearby)}
<script type="application/json" id="${REPORT_CONFIG_ID}">${jsonData(v.config)}</script>`;
}
