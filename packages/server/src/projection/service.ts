/**
 * The public face of a service record: GeoReport `service` and
 * `service_definition`, localised with the `locale` extension (CitySDK). Internal
 * fields (agency, SLA, active flag, translations) stay behind.
 */
import type { Attribute, Service, ServiceDefinition } from '@o311/georeport';
import type { ServiceRecord, ServiceTranslation } from '@o311/store';

const normalise = (locale: string): string => locale.trim().replace(/-/g, '_').toLowerCase();

/**
 * Best translation for `locale`: the exact locale (`es_MX`), else its language
 * (`es`), else any variant of that language (`es_AR`). Case and `-`/`_` do not matter.
 */
export function pickTranslation(
  translations: Readonly<Record<string, ServiceTranslation>>,
  locale: string | undefined,
): ServiceTranslation | undefined {
  if (!locale) return undefined;
  const wanted = normalise(locale);
  if (!wanted) return undefined;
  const language = wanted.split('_')[0] ?? wanted;
  let languageMatch: ServiceTranslation | undefined;
  let variantMatch: ServiceTranslation | undefined;
  for (const [key, t] of Object.entries(translations)) {
    const k = normalise(key);
    if (k === wanted) return t;
    if (k === language) languageMatch = t;
    else if (!variantMatch && k.startsWith(`${language}_`)) variantMatch = t;
  }
  return languageMatch ?? variantMatch;
}

/** `metadata` is true exactly when the service has attributes to define. */
export const hasMetadata = (s: Pick<ServiceRecord, 'attributes'>): boolean => s.attributes.length > 0;

export function toPublicService(s: ServiceRecord, t?: ServiceTranslation): Service {
  return {
    service_code: s.service_code,
    service_name: t?.service_name || s.service_name,
    description: t?.description ?? s.description,
    metadata: hasMetadata(s),
    type: s.type,
    keywords: t?.keywords ?? s.keywords,
    group: t?.group ?? s.group,
  };
}

export function toServiceDefinition(s: ServiceRecord, t?: ServiceTranslation): ServiceDefinition {
  const attributes = [...s.attributes].sort((a, b) => a.order - b.order).map((a) => localiseAttribute(a, t));
  return { service_code: s.service_code, attributes };
}

function localiseAttribute(a: Attribute, t: ServiceTranslation | undefined): Attribute {
  const tr = t?.attributes?.[a.code];
  const out: Attribute = {
    variable: a.variable,
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    datatype_description: tr?.datatype_description || a.datatype_description,
    order: a.order,
    description: tr?.description || a.description,
  };
  if (a.values) out.values = a.values.map((v) => ({ key: v.key, name: tr?.values?.[v.key] || v.name }));
  return out;
}
