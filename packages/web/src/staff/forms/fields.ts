/**
 * Labelled form controls of the staff editors: every control has a <label>,
 * its hint and error are tied to it with aria-describedby, and an error marks
 * it aria-invalid. Errors carry the id of the control so the error summary can
 * link to it.
 */
import { html, type Html } from '../../html.js';

export interface FieldError {
  /** The id of the control the error is about. */
  field: string;
  message: string;
}

interface Common {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Label read by screen readers only (e.g. in table-like attribute rows). */
  hiddenLabel?: boolean;
}

export interface Choice {
  value: string;
  label: string;
}

const describedBy = (f: Common): Html => {
  const ids = [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter((s) => s !== '');
  return html`${ids.length > 0 ? html` aria-describedby="${ids.join(' ')}"` : ''}${f.error ? html` aria-invalid="true"` : ''}`;
};

const labelFor = (f: Common): Html =>
  html`<label for="${f.id}"${f.hiddenLabel ? html` class="sr-only"` : ''}>${f.label}${
    f.required ? html` <span class="svc-required" aria-hidden="true">*</span>` : ''
  }</label>`;

const notes = (f: Common): Html => html`${f.hint ? html`<p class="svc-hint" id="${f.id}-hint">${f.hint}</p>` : ''}${
  f.error ? html`<p class="svc-field-error" id="${f.id}-error">${f.error}</p>` : ''
}`;

const wrap = (f: Common, control: Html): Html =>
  html`<div class="svc-field${f.error ? ' svc-field-invalid' : ''}">${labelFor(f)}${notes(f)}${control}</div>`;

export function textInput(f: Common & { value: string; type?: 'text' | 'number' | 'date' | 'datetime-local' | 'search' | 'email'; extra?: Html }): Html {
  return wrap(f, html`<input type="${f.type ?? 'text'}" id="${f.id}" name="${f.name}" value="${f.value}"${f.required ? html` required` : ''}${describedBy(f)}${f.extra ?? ''}>`);
}

export function textArea(f: Common & { value: string; rows?: number; extra?: Html }): Html {
  return wrap(f, html`<textarea id="${f.id}" name="${f.name}" rows="${f.rows ?? 4}"${f.required ? html` required` : ''}${describedBy(f)}${f.extra ?? ''}>${f.value}</textarea>`);
}

export function selectField(f: Common & { value: string; choices: readonly Choice[]; extra?: Html }): Html {
  return wrap(f, html`<select id="${f.id}" name="${f.name}"${f.required ? html` required` : ''}${describedBy(f)}${f.extra ?? ''}>${f.choices.map(
    (c) => html`<option value="${c.value}"${c.value === f.value ? html` selected` : ''}>${c.label}</option>`,
  )}</select>`);
}

/** A select whose choices come in labelled groups (<optgroup>); choices before the groups stand alone. */
export function groupedSelectField(
  f: Common & { value: string; loose: readonly Choice[]; groups: readonly { label: string; choices: readonly Choice[] }[] },
): Html {
  const option = (c: Choice): Html => html`<option value="${c.value}"${c.value === f.value ? html` selected` : ''}>${c.label}</option>`;
  return wrap(f, html`<select id="${f.id}" name="${f.name}"${f.required ? html` required` : ''}${describedBy(f)}>${f.loose.map(option)}${f.groups.map(
    (g) => html`<optgroup label="${g.label}">${g.choices.map(option)}</optgroup>`,
  )}</select>`);
}

/** A checkbox; a disabled one is not sent with its form (its hint should say why it is disabled). */
export function checkbox(f: { id: string; name: string; label: string; checked: boolean; value?: string; hint?: string; disabled?: boolean; error?: string }): Html {
  const hint = f.hint ? html`<p class="svc-hint" id="${f.id}-hint">${f.hint}</p>` : '';
  const error = f.error ? html`<p class="svc-field-error" id="${f.id}-error">${f.error}</p>` : '';
  const described = [f.error ? `${f.id}-error` : '', f.hint ? `${f.id}-hint` : ''].filter(Boolean).join(' ');
  return html`<div class="svc-check${f.error ? ' svc-field-invalid' : ''}"><input type="checkbox" id="${f.id}" name="${f.name}" value="${f.value ?? '1'}"${
    f.checked ? html` checked` : ''
  }${f.disabled ? html` disabled` : ''}${f.error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}><div><label for="${f.id}">${f.label}</label>${error}${hint}</div></div>`;
}

/** A group of checkboxes for one repeatable field, in a fieldset with a legend. */
export function checkboxGroup(f: { id: string; name: string; legend: string; choices: readonly Choice[]; checked: readonly string[] }): Html {
  return html`<fieldset class="svc-checks" id="${f.id}"><legend>${f.legend}</legend>${f.choices.map((c, i) =>
    checkbox({ id: `${f.id}-${i}`, name: f.name, label: c.label, value: c.value, checked: f.checked.includes(c.value) }),
  )}</fieldset>`;
}

/** The message of the first error about a control. */
export const errorFor = (errors: readonly FieldError[], id: string): string | undefined =>
  errors.find((e) => e.field === id)?.message;

/** One choice among a few, as radio buttons in a fieldset. */
export function radioGroup(f: { id: string; name: string; legend: string; choices: readonly (Choice & { hint?: string })[]; value: string; error?: string }): Html {
  return html`<fieldset class="svc-radios${f.error ? ' svc-field-invalid' : ''}" id="${f.id}"${f.error ? html` aria-describedby="${f.id}-error"` : ''}>
<legend>${f.legend}</legend>${f.error ? html`<p class="svc-field-error" id="${f.id}-error">${f.error}</p>` : ''}${f.choices.map((c, i) => {
    const id = `${f.id}-${i}`;
    return html`<div class="svc-check"><input type="radio" id="${id}" name="${f.name}" value="${c.value}"${c.value === f.value ? html` checked` : ''}${
      c.hint ? html` aria-describedby="${id}-hint"` : ''
    }><div><label for="${id}">${c.label}</label>${c.hint ? html`<p class="svc-hint" id="${id}-hint">${c.hint}</p>` : ''}</div></div>`;
  })}</fieldset>`;
}
