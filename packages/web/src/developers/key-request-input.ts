/** Reading the key request form: every field bounded (the store's limits), errors per field. */
import type { FastifyRequest } from 'fastify';
import { KEY_REQUEST_LIMITS } from '@o311/store';
import { formText } from '../form.js';
import type { Translator } from '../i18n/translate.js';
import { charCount, hasLineBreak, isEmailAddress } from '../citizen/value-checks.js';
import type { FieldError } from '../citizen/report-check.js';

export interface KeyRequestDraft {
  email: string;
  name: string;
  app_name: string;
  app_url: string;
  purpose: string;
  accepted: boolean;
}

export const EMPTY_DRAFT: KeyRequestDraft = { email: '', name: '', app_name: '', app_url: '', purpose: '', accepted: false };

export const FIELD_IDS = {
  email: 'key-email', name: 'key-name', app_name: 'key-app-name', app_url: 'key-app-url', purpose: 'key-purpose', accepted: 'key-accept',
} as const;

const oneLine = (s: string, max: number): boolean => s !== '' && charCount(s) <= max && !hasLineBreak(s);

function isWebAddress(s: string): boolean {
  if (!oneLine(s, KEY_REQUEST_LIMITS.app_url)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function readKeyRequest(request: FastifyRequest, t: Translator): { draft: KeyRequestDraft; errors: FieldError[] } {
  const draft: KeyRequestDraft = {
    email: formText(request, 'email'), name: formText(request, 'name'), app_name: formText(request, 'app_name'),
    app_url: formText(request, 'app_url'), purpose: formText(request, 'purpose'), accepted: formText(request, 'accept') === '1',
  };
  const L = KEY_REQUEST_LIMITS;
  const errors: FieldError[] = [];
  const check = (ok: boolean, id: string, message: string) => { if (!ok) errors.push({ id, message }); };
  check(charCount(draft.email) <= L.email && isEmailAddress(draft.email), FIELD_IDS.email, t('developers.key.error.email'));
  check(oneLine(draft.name, L.name), FIELD_IDS.name, t('developers.key.error.name', { max: L.name }));
  check(oneLine(draft.app_name, L.app_name), FIELD_IDS.app_name, t('developers.key.error.appName', { max: L.app_name }));
  check(isWebAddress(draft.app_url), FIELD_IDS.app_url, t('developers.key.error.appUrl', { max: L.app_url }));
  check(draft.purpose !== '' && charCount(draft.purpose) <= L.purpose, FIELD_IDS.purpose, t('developers.key.error.purpose', { max: L.purpose }));
  check(draft.accepted, FIELD_IDS.accepted, t('developers.key.error.terms'));
  return { draft, errors };
}
