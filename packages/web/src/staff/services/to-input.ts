/**
 * A draft as the server's staff service takes it. Nothing is judged here that
 * the server judges (staffServices.saveService reports those); only what the
 * form alone can get wrong: a translated description without a translated name.
 */
import { SERVICE_TYPES, type AttributeValue, type Datatype, type ServiceType } from '@o311/georeport';
import type { staffServices } from '@o311/server';
import { BLACKBOX_RECEIPTS, type BlackboxReceipt, type ServiceRecord, type ServiceTranslation } from '@o311/store';
import type { Translator } from '../../i18n/translate.js';
import type { FieldError } from '../forms/fields.js';
import { LIST_DATATYPES, TRANSLATED_LOCALES, type AttributeDraft, type ServiceDraft } from './draft.js';
import { translationId } from './field-ids.js';

type ServiceInput = staffServices.ServiceInput;
type AttributeInput = NonNullable<ServiceInput['attributes']>[number];

const orNull = (s: string): string | null => (s === '' ? null : s);
/** Blank is no value; anything else that is not a number stays NaN for the server to refuse. */
const numberOrNull = (s: string): number | null => (s === '' ? null : Number(s));

/** `key = Name` lines; a line without `=` is both key and name. */
export function parseValues(text: string): AttributeValue[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((line) => {
    const eq = line.indexOf('=');
    if (eq === -1) return { key: line, name: line };
    const key = line.slice(0, eq).trim();
    return { key, name: line.slice(eq + 1).trim() || key };
  });
}

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
 * The translations: the editor's languages as edited (dropped when left
 * blank), other languages kept; translated questions only for codes that remain.
 */
function translations(draft: ServiceDraft, existing: ServiceRecord | undefined): Record<string, ServiceTranslation> {
  const codes = new Set(draft.attributes.map((a) => a.code));
  const out: Record<string, ServiceTranslation> = {};
  for (const [locale, tr] of Object.entries(existing?.translations ?? {})) {
    const attributes = Object.fromEntries(Object.entries(tr.attributes ?? {}).filter(([code]) => codes.has(code)));
    out[locale] = { ...tr, attributes };
  }
  for (const l of TRANSLATED_LOCALES) {
    const tr = draft.translations[l];
    if (tr.name === '') delete out[l];
    else out[l] = { ...out[l], service_name: tr.name, description: orNull(tr.description) };
  }
  return out;
}

export function toServiceInput(
  t: Translator, draft: ServiceDraft, existing: ServiceRecord | undefined,
): { input: ServiceInput; problems: FieldError[] } {
  const problems: FieldError[] = TRANSLATED_LOCALES.filter((l) => draft.translations[l].name === '' && draft.translations[l].description !== '')
    .map((l) => ({ field: translationId(l, 'name'), message: t('inbox.svc.translationNameMissing', { locale: l }) }));
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
    translations: translations(draft, existing),
  };
  return { input, problems };
}
