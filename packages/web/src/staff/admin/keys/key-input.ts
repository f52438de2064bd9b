/** The fields of the new API key form. */
import type { FastifyRequest } from 'fastify';
import { MAX_RATE_PER_MINUTE } from '@o311/server';
import { API_CLIENTS, type ApiClient } from '@o311/store';
import type { Translator } from '../../../i18n/translate.js';
import { formText } from '../../../form.js';
import type { FieldError } from '../../forms/fields.js';

export const DEFAULT_RATE_PER_MINUTE = 60;

export interface KeyDraft {
  name: string;
  rate: string;
  trusted: boolean;
  /** The client program (API_CLIENTS), or '' when not said. */
  client: string;
}

export const EMPTY_KEY: KeyDraft = { name: '', rate: String(DEFAULT_RATE_PER_MINUTE), trusted: false, client: '' };
export const KEY_IDS = { name: 'new-key-name', rate: 'new-key-rate', trusted: 'new-key-trusted', client: 'new-key-client' };

export interface KeyInput {
  name: string;
  rate_limit_per_minute: number;
  trusted: boolean;
  client: ApiClient | null;
}

const isClient = (s: string): s is ApiClient => (API_CLIENTS as readonly string[]).includes(s);

export function readKey(request: FastifyRequest, t: Translator): { draft: KeyDraft; input?: KeyInput; errors: FieldError[] } {
  const draft = {
    name: formText(request, 'name'), rate: formText(request, 'rate'), trusted: formText(request, 'trusted') === '1', client: formText(request, 'client'),
  };
  const errors: FieldError[] = [];
  if (draft.name === '' || draft.name.length > 200) errors.push({ field: KEY_IDS.name, message: t('staff.keys.error.name') });
  const rate = /^\d{1,6}$/.test(draft.rate) ? Number(draft.rate) : NaN;
  if (!(rate >= 1 && rate <= MAX_RATE_PER_MINUTE)) {
    errors.push({ field: KEY_IDS.rate, message: t('staff.keys.error.rate', { max: MAX_RATE_PER_MINUTE }) });
  }
  if (errors.length > 0) return { draft, errors };
  const client = isClient(draft.client) ? draft.client : null;
  return { draft, input: { name: draft.name, rate_limit_per_minute: rate, trusted: draft.trusted, client }, errors };
}
