/** The pieces every form field shares: label text with its required mark, hint, inline error. */
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';

export interface FieldFrame {
  id: string;
  label: string;
  required: boolean;
  hint?: string | null;
  error?: string;
}

/** Label content: the text and, for required fields, a visible mark that screen readers also hear. */
export const labelText = (t: Translator, f: Pick<FieldFrame, 'label' | 'required'>): Html =>
  html`${f.label}${f.required ? html` <span class="required-mark">(${t('common.required')})</span>` : ''}`;

export const hintId = (id: string): string => `${id}-hint`;
export const errorId = (id: string): string => `${id}-error`;

/** `aria-describedby` value naming the hint and the error present. */
export function describedBy(f: FieldFrame): string | undefined {
  const ids = [f.hint ? hintId(f.id) : '', f.error ? errorId(f.id) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export const hintAndError = (f: FieldFrame): Html => html`${f.hint ? html`<p class="hint" id="${hintId(f.id)}">${f.hint}</p>` : ''}${
  f.error ? html`<p class="field-error" id="${errorId(f.id)}">${f.error}</p>` : ''
}`;

/** Attributes common to an input: id, describedby, invalid. */
export function inputAria(f: FieldFrame): Html {
  const by = describedBy(f);
  return html`id="${f.id}"${by ? html` aria-describedby="${by}"` : ''}${f.error ? html` aria-invalid="true"` : ''}`;
}

/** A labelled single control, e.g. `<input …>`, with its hint and error. */
export const textField = (t: Translator, f: FieldFrame, control: Html): Html =>
  html`<div class="field${f.error ? ' field-invalid' : ''}"><label for="${f.id}">${labelText(t, f)}</label>${hintAndError(f)}${control}</div>`;

/** A group of controls (radios, checkboxes) under a legend. */
export const groupField = (t: Translator, f: FieldFrame, controls: Html): Html => {
  const by = describedBy(f);
  return html`<fieldset class="field choice-group${f.error ? ' field-invalid' : ''}" id="${f.id}" tabindex="-1"${
    by ? html` aria-describedby="${by}"` : ''
  }${f.required ? html` data-required="true"` : ''}><legend>${labelText(t, f)}</legend>${hintAndError(f)}${controls}</fieldset>`;
};
