/** The services editor's form as a browser posts it, for the editor's tests. */
import type { ServiceRecord } from '@o311/store';

type TranslatedField = `tr.${'es' | 'fr'}.${'description' | 'datatype_description' | 'values'}`;

/** One question row of the editor's form; `tr.es.values` etc. are its translations. */
export type Row = Partial<Record<'code' | 'description' | 'datatype' | 'datatype_description' | 'order' | 'values' | 'required' | 'variable' | TranslatedField, string>>;

/** The editor's form as a browser posts it (unchecked boxes are simply absent). */
export function serviceForm(service: Record<string, string>, rows: readonly Row[], action = 'save'): Record<string, string> {
  const fields: Record<string, string> = { action, ...service };
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries({ description: '', datatype: 'string', datatype_description: '', order: String(i + 1), values: '', ...row })) {
      fields[`attr.${i}.${k}`] = v;
    }
  });
  return fields;
}

/** A question's translations as the editor shows them (`key = Name` lines for the value names). */
export function translatedRow(translations: ServiceRecord['translations'], code: string): Row {
  const row: Row = {};
  for (const l of ['es', 'fr'] as const) {
    const tr = translations[l]?.attributes?.[code];
    if (!tr) continue;
    row[`tr.${l}.description`] = tr.description ?? '';
    row[`tr.${l}.datatype_description`] = tr.datatype_description ?? '';
    row[`tr.${l}.values`] = Object.entries(tr.values ?? {}).map(([k, name]) => `${k} = ${name}`).join('\n');
  }
  return row;
}
