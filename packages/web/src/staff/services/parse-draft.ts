/** The posted editor form back into a draft, and which button was pressed. */
import { field, type FormFields } from '@o311/georeport';
import {
  MAX_ATTRIBUTES, TRANSLATED_LOCALES, emptyAttribute, emptyDraft, type AttributeDraft, type ServiceDraft,
} from './draft.js';
import { ADD_ATTRIBUTE, REMOVE_ATTRIBUTE, attributeName, attributeTranslationName, translationName } from './field-ids.js';

export type EditorCommand = { kind: 'save' } | { kind: 'add-attribute' } | { kind: 'remove-attribute'; index: number };

const ROW = /^attr\.(\d+)\./;

function rowIndexes(fields: FormFields): number[] {
  const found = new Set<number>();
  for (const name of fields.keys()) {
    const m = ROW.exec(name);
    if (m) found.add(Number(m[1]));
  }
  return [...found].filter((i) => i < MAX_ATTRIBUTES).sort((a, b) => a - b);
}

export function parseDraft(fields: FormFields): ServiceDraft {
  const text = (name: string): string => (fields.get(name)?.[0] ?? '').trim();
  const multiline = (name: string): string => (fields.get(name)?.[0] ?? '').replace(/\r\n/g, '\n').trim();
  const checked = (name: string): boolean => field(fields, name) !== undefined;
  const attributes = rowIndexes(fields).map((i): AttributeDraft => ({
    code: text(attributeName(i, 'code')),
    description: text(attributeName(i, 'description')),
    datatype: text(attributeName(i, 'datatype')) || 'string',
    datatype_description: text(attributeName(i, 'datatype_description')),
    required: checked(attributeName(i, 'required')),
    variable: checked(attributeName(i, 'variable')),
    order: text(attributeName(i, 'order')),
    values: multiline(attributeName(i, 'values')),
    translations: Object.fromEntries(TRANSLATED_LOCALES.map((l) => [l, {
      description: text(attributeTranslationName(i, l, 'description')),
      datatype_description: text(attributeTranslationName(i, l, 'datatype_description')),
      values: multiline(attributeTranslationName(i, l, 'values')),
    }])) as AttributeDraft['translations'],
  }));
  const draft = emptyDraft();
  for (const l of TRANSLATED_LOCALES) {
    draft.translations[l] = { name: text(translationName(l, 'name')), description: multiline(translationName(l, 'description')) };
  }
  return {
    ...draft,
    code: text('code'),
    name: text('name'),
    description: multiline('description'),
    group: text('group'),
    keywords: text('keywords'),
    type: text('type') || 'realtime',
    blackbox_receipt: text('blackbox_receipt') || 'none',
    active: checked('active'),
    sla_hours: text('sla_hours'),
    agency: text('agency'),
    notice: multiline('notice'),
    attributes,
  };
}

export function parseCommand(fields: FormFields): EditorCommand {
  const action = field(fields, 'action') ?? '';
  if (action === ADD_ATTRIBUTE) return { kind: 'add-attribute' };
  if (action.startsWith(REMOVE_ATTRIBUTE)) {
    const index = Number(action.slice(REMOVE_ATTRIBUTE.length));
    if (Number.isInteger(index) && index >= 0) return { kind: 'remove-attribute', index };
  }
  return { kind: 'save' };
}

/** The draft after an add/remove button (the order of a new question follows the highest one). */
export function applyRowCommand(draft: ServiceDraft, command: EditorCommand): ServiceDraft {
  if (command.kind === 'add-attribute' && draft.attributes.length < MAX_ATTRIBUTES) {
    const next = Math.max(0, ...draft.attributes.map((a) => Number(a.order)).filter(Number.isFinite)) + 1;
    return { ...draft, attributes: [...draft.attributes, emptyAttribute(next)] };
  }
  if (command.kind === 'remove-attribute') return { ...draft, attributes: draft.attributes.filter((_, i) => i !== command.index) };
  return draft;
}
