/**
 * One question of a service definition as a form control, by datatype, with
 * the HTML constraints that match the server's checks. Informational
 * attributes (`variable: false`) are notices, not inputs.
 */
import { MAX_ATTRIBUTE_LENGTH, type Attribute, type AttributeValue } from '@o311/georeport';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { groupField, inputAria, textField, type FieldFrame } from './field-parts.js';
import { attributeId, attributeName, valueOf, valuesOf, type FormFields } from './form-state.js';

/** Lists this long or shorter are radio buttons; longer ones a select. */
const MAX_RADIOS = 6;

const required = (on: boolean): Html => (on ? html` required` : html``);

function choices(a: Attribute, f: FieldFrame, type: 'radio' | 'checkbox', chosen: readonly string[]): Html {
  const name = type === 'checkbox' ? `${attributeName(a.code)}[]` : attributeName(a.code);
  const item = (v: AttributeValue, i: number): Html => {
    const id = `${f.id}-${i}`;
    return html`<div class="choice"><input type="${type}" id="${id}" name="${name}" value="${v.key}"${
      chosen.includes(v.key) ? html` checked` : ''
    }${required(type === 'radio' && a.required)}><label for="${id}">${v.name}</label></div>`;
  };
  return html`${(a.values ?? []).map(item)}`;
}

function select(t: Translator, a: Attribute, f: FieldFrame, chosen: string): Html {
  const options = (a.values ?? []).map(
    (v) => html`<option value="${v.key}"${v.key === chosen ? html` selected` : ''}>${v.name}</option>`,
  );
  return html`<select name="${attributeName(a.code)}" ${inputAria(f)}${required(a.required)}><option value="">${t(
    'report.choose',
  )}</option>${options}</select>`;
}

function control(t: Translator, a: Attribute, f: FieldFrame, fields: FormFields): Html {
  const name = attributeName(a.code);
  const value = valueOf(fields, name);
  switch (a.datatype) {
    case 'string':
      return textField(t, f, html`<input type="text" name="${name}" value="${value}" maxlength="${MAX_ATTRIBUTE_LENGTH}" ${inputAria(f)}${required(a.required)}>`);
    case 'text':
      return textField(t, f, html`<textarea name="${name}" rows="4" maxlength="${MAX_ATTRIBUTE_LENGTH}" ${inputAria(f)}${required(a.required)}>${value}</textarea>`);
    case 'number':
      return textField(t, f, html`<input type="number" step="any" inputmode="decimal" name="${name}" value="${value}" ${inputAria(f)}${required(a.required)}>`);
    case 'datetime':
      return textField(t, f, html`<input type="datetime-local" name="${name}" value="${value}" ${inputAria(f)}${required(a.required)}>`);
    case 'singlevaluelist':
      return (a.values ?? []).length <= MAX_RADIOS
        ? groupField(t, f, choices(a, f, 'radio', [value]))
        : textField(t, f, select(t, a, f, value));
    case 'multivaluelist':
      return groupField(t, f, choices(a, f, 'checkbox', valuesOf(fields, name)));
  }
}

/**
 * A date-time question's hint is its format (datatype_description describes the datatype), which the
 * form's control decides: an example written the reader's way replaces ISO examples ("e.g. 2025-07-04T22:15").
 */
const EXAMPLE_AT = Date.UTC(2025, 6, 4, 22, 15);

const hintOf = (t: Translator, a: Attribute): string | null =>
  a.datatype === 'datetime' ? t('form.date.hint', { example: t.dateTime(EXAMPLE_AT, 'UTC') }) : a.datatype_description;

/** A notice for an informational attribute. */
const notice = (a: Attribute): Html => html`<p class="notice" role="note" id="${attributeId(a.code)}">${a.description}</p>`;

export function attributeField(
  t: Translator,
  a: Attribute,
  fields: FormFields,
  error: string | undefined,
): Html {
  if (!a.variable) return notice(a);
  const frame: FieldFrame = {
    id: attributeId(a.code),
    label: a.description || a.code,
    required: a.required,
    hint: hintOf(t, a),
    ...(error !== undefined && { error }),
  };
  return html`<div class="attribute" data-code="${a.code}" data-datatype="${a.datatype}" data-field="${frame.id}" data-question="${frame.label}" data-required="${a.required ? 'true' : 'false'}">${control(t, a, frame, fields)}</div>`;
}
