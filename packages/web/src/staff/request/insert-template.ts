/**
 * The "Insert" button of the request form without JavaScript: the form comes
 * back with every field as sent and the chosen template's text after the
 * typed message; nothing is saved.
 */
import type { Translator } from '../../i18n/translate.js';
import { FIELDS } from './fields.js';
import { templateValues } from './forms/template-picker.js';
import type { RequestPageData } from './load.js';
import type { RequestPageState } from './page.js';

export function insertTemplate(t: Translator, data: RequestPageData, sent: Readonly<Record<string, string>>): RequestPageState {
  const template = data.templates.find((x) => x.id === sent[FIELDS.template.name]);
  if (!template) return { errors: [{ field: FIELDS.template.id, message: t('reqform.templateMissing') }], values: sent, status: 400 };
  return { errors: [], values: templateValues(template, sent), notice: t('reqform.inserted', { name: template.name }) };
}
