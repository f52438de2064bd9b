/**
 * A draft as the server's staff service takes it. Nothing is judged here that
 * the server judges (staffServices.saveService reports those); only what the
 * form alone can get wrong: a translation without a translated name, a
 * translated value name for a key the question lacks.
 */
import { SERVICE_TYPES, type Datatype, type ServiceType } from '@o311/georeport';
import type { staffServices } from '@o311/server';
import { BLACKBOX_RECEIPTS, type BlackboxReceipt, type ServiceRecord, type ServiceTranslation } from '@o311/store';
import type { Translator } from '../../i18n/translate.js';
import type { FieldError } from '../forms/fields.js';
import { LIST_DATATYPES, TRANSLATED_LOCALES, type AttributeDraft, type ServiceDraft } from './draft.js';
import { translationId } from './field-ids.js';
import { parseValues } from './parse-values.js';
import { translatedQuestions } from './question-translations.js';

type ServiceInput = staffServices.ServiceInput;
type AttributeInput = NonNullable<ServiceInput['attributes']>[number];

const orNull = (s: string): string | null => (s === '' ? null : s);
/** Blank is no value; anything else that is not a number stays NaN for the server to refuse. */
const numberOrNull = (s: string): number | null => (s === '' ? null : Number(s));

function toAttribute(a: AttributeDraft): AttributeInput {
  const isList = LIST_DATATYPES.includes(a.datatype);
  return {
    code: a.code,
    description: a.description,
    // As chosen: an unknown datatype goes through for the server to name it.
    datatype: a.datatype as Datatype,
    datatype_description: orNull(a.datatype_description),
    required: a.required,
    variable: a.variable,
    order: a.order === '' ? Number.NaN : Number(a.order),
    ...(isList ? { values: parseValues(a.values) } : {}),
  };
}

/**
 * The translations: the editor's languages as edited, questions included
 * (dropped when the name is left blank), other languages kept with their
 * translated questions for the codes that remain.
 */
function translations(
  t: Translator, draft: ServiceDraft, existing: ServiceRecord | undefined,
): { out: Record<string, ServiceTranslation>; problems: FieldError[] } {
  const codes = new Set(draft.attributes.map((a) => a.code));
  const out: Record<string, ServiceTranslation> = {};
  const problems: FieldError[] = [];
  for (const [locale, tr] of Object.entries(existing?.translations ?? {})) {
    const attributes = Object.fromEntries(Object.entries(tr.attributes ?? {}).filter(([code]) => codes.has(code)));
    out[locale] = { ...tr, attributes };
  }
  for (const l of TRANSLATED_LOCALES) {
    const tr = draft.translations[l];
    const questions = translatedQuestions(t, draft, l, out[l]?.attributes);
    problems.push(...questions.problems);
    const translated = tr.description !== '' || Object.keys(questions.attributes).length > 0;
    if (tr.name === '' && translated) problems.push({ field: translationId(l, 'name'), message: t('inbox.svc.translationNameMissing', { locale: l }) });
    if (tr.name === '') delete out[l];
    else out[l] = { ...out[l], service_name: tr.name, description: orNull(tr.description), attributes: questions.attributes };
  }
  return { out, problems };
}

export function toServiceInput(
  t: Translator, draft: ServiceDraft, existing: ServiceRecord | undefined,
): { input: ServiceInput; problems: FieldError[] } {
  const translated = translations(t, draft, existing);
  const input: ServiceInput = {
    service_name: draft.name,
    description: orNull(draft.description),
    type: ((SERVICE_TYPES as readonly string[]).includes(draft.type) ? draft.type : 'realtime') as ServiceType,
    keywords: orNull(draft.keywords),
    group: orNull(draft.group),
    active: draft.active,
    agency_responsible: orNull(draft.agency),
    service_notice: orNull(draft.notice),
    sla_hours: numberOrNull(draft.sla_hours),
    blackbox_receipt: ((BLACKBOX_RECEIPTS as readonly string[]).includes(draft.blackbox_receipt) ? draft.blackbox_receipt : 'none') as BlackboxReceipt,
    attributes: draft.attributes.map(toAttribute),
    translations: translated.out,
  };
  return { input, problems: translated.problems };
}
