/**
 * The `/validate` form (a plain POST, no JavaScript needed): URL, formats,
 * jurisdiction_id, and the optional write checks with their API key, whose
 * label says plainly that test requests will be created.
 */
import { VALIDATION_FORMATS } from '@o311/store';
import { MAX_TARGET_URL_LENGTH } from '@o311/server';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { inputAria, textField, type FieldFrame } from '../citizen/field-parts.js';
import { VALIDATE_PATH } from './paths.js';
import type { RunFields } from './run-input.js';

export interface FormView {
  fields: RunFields;
  /** Why the last try was refused. */
  refused?: string;
  /** The server can hold an API key (O311_ROUTER_SECRET is set). */
  writeAvailable: boolean;
  /** This server's own GeoReport endpoint, offered as a one-click example. */
  ownUrl: string;
}

/** The words of each format choice (the form, a run's page). */
export const FORMAT_KEYS = { both: 'validate.format.both', xml: 'validate.format.xml', json: 'validate.format.json' } as const;

function urlField(t: Translator, view: FormView): Html {
  const f: FieldFrame = { id: 'validate-url', label: t('validate.url'), required: true, hint: t('validate.urlHint'), ...(view.refused !== undefined && { error: view.refused }) };
  return textField(t, f, html`<input type="url" name="url" ${inputAria(f)} required maxlength="${MAX_TARGET_URL_LENGTH}" autocomplete="url" spellcheck="false" value="${view.fields.url}">`);
}

function formatField(t: Translator, view: FormView): Html {
  return html`<fieldset class="field choice-group" id="validate-format"><legend>${t('validate.format')}</legend>${VALIDATION_FORMATS.map(
    (f) => html`<div class="choice"><input type="radio" name="format" id="validate-format-${f}" value="${f}"${view.fields.format === f ? html` checked` : ''}><label for="validate-format-${f}">${t(FORMAT_KEYS[f])}</label></div>`,
  )}</fieldset>`;
}

function writeFields(t: Translator, view: FormView): Html {
  const key: FieldFrame = { id: 'validate-api-key', label: t('validate.apiKey'), required: false, hint: t('validate.apiKeyHint') };
  const disabled = view.writeAvailable ? '' : html` disabled`;
  return html`<fieldset class="field validate-write" id="validate-write-group"><legend>${t('validate.writeTitle')}</legend>
${view.writeAvailable ? '' : html`<p class="notice" id="validate-write-unavailable">${t('validate.writeUnavailable')}</p>`}
${textField(t, key, html`<input type="password" name="api_key" ${inputAria(key)} autocomplete="off" maxlength="1024"${disabled}>`)}
<div class="choice"><input type="checkbox" name="write" id="validate-write" value="on" aria-describedby="validate-write-hint"${view.fields.write ? html` checked` : ''}${disabled}><label for="validate-write">${t('validate.write')}</label></div>
<p class="hint" id="validate-write-hint">${t('validate.writeHint')}</p>
</fieldset>`;
}

export function validateForm(t: Translator, view: FormView): Html {
  const jurisdiction: FieldFrame = { id: 'validate-jurisdiction', label: t('validate.jurisdiction'), required: false, hint: t('validate.jurisdictionHint') };
  return html`<form action="${VALIDATE_PATH}" method="post" id="validate-form" class="validate-form" novalidate>
${urlField(t, view)}
${formatField(t, view)}
${textField(t, jurisdiction, html`<input type="text" name="jurisdiction_id" ${inputAria(jurisdiction)} maxlength="200" autocomplete="off" spellcheck="false" value="${view.fields.jurisdictionId}">`)}
${writeFields(t, view)}
<button type="submit" class="button">${t('validate.submit')}</button>
</form>`;
}
