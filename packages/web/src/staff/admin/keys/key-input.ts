/** The fields of the new API key form. */
import type { FastifyRequest } from 'fastify';
import type { Translator } from '../../../i18n/translate.js';
import { formText } from '../../../form.js';
import type { FieldError } from '../../forms/fields.js';

export const MAX_RATE_PER_MINUTE = 100_000;
export const DEFAULT_RATE_PER_MINUTE = 60;

export interface KeyDraft {
  name: string;
  rate: string;
  trusted: boolean;
}

export const EMPTY_KEY: KeyDraft = { name: '', rate: String(DEFAULT_RATE_PER_MINUTE), trusted: false };
export const KEY_IDS = { name: 'new-key-name', rate: 'new-key-rate', trusted: 'new-key-trusted' };

export interface KeyInput {
  name: string;
  rate_limit_per_minute: number;
  trusted: boolean;
}

export function readKey(request: FastifyRequest, t: Translator): { draft: KeyDraft; input?: KeyInput; errors: FieldError[] } {
  const draft = { name: formText(request, 'name'), rate: formText(request, 'rate'), trusted: formText(request, 'trusted') === '1' };
  const errors: FieldError[] = [];
  if (draft.name === '' || draft.name.length > 200) errors.push({ field: KEY_IDS.name, message: t('staff.keys.error.name') });
  const rate = /^\d{1,6}$/.test(draft.rate) ? Number(draft.rate) : NaN;
  if (!(rate >= 1 && rate <= MAX_RATE_PER_MINUTE)) {
    errors.push({ field: KEY_IDS.rate, message: t('staff.keys.error.rate', { max: MAX_RATE_PER_MINUTE }) });
  }
  if (errors.length > 0) return { draft, errors };
  return { draft, input: { name: draft.name, rate_limit_per_minute: rate, trusted: draft.trusted }, errors };
}
