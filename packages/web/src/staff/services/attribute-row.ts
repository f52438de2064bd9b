/** One question (attribute) of the service editor, with its own remove button. */
import { DATATYPES } from '@o311/georeport';
import { MAX_ATTRIBUTE_ORDER } from '@o311/server';
import { html, type Html } from '../../html.js';
import type { Translator } from '../../i18n/translate.js';
import { checkbox, errorFor, selectField, textArea, textInput, type FieldError } from '../forms/fields.js';
import { questionTranslations, valueTranslations } from './attribute-translations.js';
import type { AttributeDraft } from './draft.js';
import { REMOVE_ATTRIBUTE, attributeId, attributeName, type AttributeField } from './field-ids.js';

export function attributeRow(t: Translator, a: AttributeDraft, i: number, errors: readonly FieldError[], focus: boolean): Html {
  const n = i + 1;
  const common = (f: AttributeField) => ({ id: attributeId(i, f), name: attributeName(i, f), error: errorFor(errors, attributeId(i, f)) });
  const requiredError = errorFor(errors, attributeId(i, 'required'));
  return html`<fieldset class="svc-attribute" id="attr-${i}">
<legend>${t('inbox.svc.attribute', { n })}</legend>
<div class="svc-attribute-grid">
${textInput({ ...common('code'), label: t('inbox.svc.attrCode'), value: a.code, required: true, hint: t('inbox.svc.attrCodeHint'), extra: focus ? html` autofocus` : undefined })}
${textInput({ ...common('description'), label: t('inbox.svc.attrDescription'), value: a.description, hint: t('inbox.svc.attrDescriptionHint') })}
${selectField({
  ...common('datatype'), label: t('inbox.svc.attrDatatype'), value: a.datatype, extra: html` data-values-toggle="attr-${i}-values-block"`,
  choices: DATATYPES.map((d) => ({ value: d, label: t(`inbox.datatype.${d}`) })),
})}
${textInput({ ...common('datatype_description'), label: t('inbox.svc.attrDatatypeDescription'), value: a.datatype_description, hint: t('inbox.svc.attrDatatypeDescriptionHint') })}
${textInput({ ...common('order'), type: 'number', label: t('inbox.svc.attrOrder'), value: a.order, required: true, extra: html` min="1" max="${MAX_ATTRIBUTE_ORDER}" step="1"` })}
</div>
${questionTranslations(t, a, i, errors)}
${checkbox({ id: attributeId(i, 'variable'), name: attributeName(i, 'variable'), label: t('inbox.svc.attrVariable'), checked: a.variable, hint: t('inbox.svc.attrVariableHint') })}
${checkbox({ id: attributeId(i, 'required'), name: attributeName(i, 'required'), label: t('inbox.svc.attrRequired'), checked: a.required })}
${requiredError ? html`<p class="svc-field-error">${requiredError}</p>` : ''}
<div class="svc-values" id="attr-${i}-values-block">
${textArea({ ...common('values'), label: t('inbox.svc.attrValues'), value: a.values, rows: 4, hint: t('inbox.svc.attrValuesHint') })}
${valueTranslations(t, a, i, errors)}
</div>
<button type="submit" name="action" value="${REMOVE_ATTRIBUTE}${i}" formnovalidate class="svc-remove">${t('inbox.svc.removeAttribute', { n })}</button>
</fieldset>`;
}
