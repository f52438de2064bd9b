/**
 * The endpoint form as typed, and the server's refusal turned into errors
 * tied to the controls (its messages start with the field's name).
 */
import type { FormFields } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import type { FieldError } from '../../forms/fields.js';

export const ENDPOINT_FIELDS = [
  'name', 'slug', 'tier', 'status', 'country', 'local', 'base_url', 'discovery_url', 'jurisdiction_id', 'formats',
  'api_key_url', 'terms_url', 'contact_email', 'quirks', 'notes', 'boundary_id',
] as const;

export type EndpointDraft = Record<(typeof ENDPOINT_FIELDS)[number], string>;

export const fieldId = (name: string): string => `endpoint-${name.replace(/_/g, '-')}`;

export const EMPTY_DRAFT: EndpointDraft = Object.fromEntries(ENDPOINT_FIELDS.map((f) => [f, ''])) as EndpointDraft;

export function draftOf(e: Endpoint): EndpointDraft {
  return {
    name: e.name, slug: e.slug, tier: e.tier, status: e.status, country: e.country ?? '', local: e.local ? 'on' : '',
    base_url: e.base_url ?? '', discovery_url: e.discovery_url ?? '', jurisdiction_id: e.jurisdiction_id ?? '',
    formats: e.formats.join(','), api_key_url: e.api_key_url ?? '', terms_url: e.terms_url ?? '', contact_email: e.contact_email ?? '',
    quirks: e.quirks ?? '', notes: e.notes, boundary_id: e.boundary_id ?? '',
  };
}

/** The form's fields (several `formats` checkboxes become one list). */
export function draftFrom(form: FormFields): EndpointDraft {
  const one = (name: string): string => form.get(name)?.[0] ?? '';
  const draft = Object.fromEntries(ENDPOINT_FIELDS.map((f) => [f, one(f)])) as EndpointDraft;
  draft.formats = (form.get('formats') ?? []).join(',');
  return draft;
}

/** Each refusal message `field: …` as an error of that field's control (others go to the name field). */
export function fieldErrors(descriptions: readonly string[]): FieldError[] {
  return descriptions.map((message) => {
    const field = ENDPOINT_FIELDS.find((f) => message.startsWith(`${f}:`) || message.startsWith(`${f} `));
    return { field: fieldId(field ?? 'name'), message };
  });
}
