/** The fields of the new webhook form, and the service's refusals put back on them. */
import type { FastifyRequest } from 'fastify';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@o311/store';
import type { Translator } from '../../../i18n/translate.js';
import { formText, readForm } from '../../../form.js';
import type { FieldError } from '../../forms/fields.js';
import { isEmailAddress } from '@o311/server';

export interface WebhookDraft {
  name: string;
  url: string;
  events: string[];
  owner_email: string;
}

export const EMPTY_WEBHOOK: WebhookDraft = { name: '', url: '', events: ['created', 'updated', 'closed'], owner_email: '' };
export const WEBHOOK_IDS = { name: 'new-webhook-name', url: 'new-webhook-url', events: 'new-webhook-events', owner_email: 'new-webhook-owner' };

const isEvent = (s: string): s is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(s);

/** The draft, and what is wrong with it before the service sees it. */
export function readWebhook(request: FastifyRequest, t: Translator): { draft: WebhookDraft; errors: FieldError[] } {
  const draft: WebhookDraft = {
    name: formText(request, 'name'),
    url: formText(request, 'url'),
    events: (readForm(request).get('events') ?? []).filter(isEvent),
    owner_email: formText(request, 'owner_email'),
  };
  const errors: FieldError[] = [];
  if (draft.name === '' || draft.name.length > 200) errors.push({ field: WEBHOOK_IDS.name, message: t('staff.webhooks.error.name') });
  if (!/^https?:\/\//i.test(draft.url) || draft.url.length > 2000) errors.push({ field: WEBHOOK_IDS.url, message: t('staff.webhooks.error.url') });
  if (draft.events.length === 0) errors.push({ field: WEBHOOK_IDS.events, message: t('staff.webhooks.error.events') });
  if (!isEmailAddress(draft.owner_email)) errors.push({ field: WEBHOOK_IDS.owner_email, message: t('staff.webhooks.error.email') });
  return { draft, errors };
}

/** The service names the field first (`url: …`): each refusal goes on its field, in this page's words. */
export function refusalErrors(descriptions: readonly string[], t: Translator): FieldError[] {
  return descriptions.map((d) => {
    if (d.startsWith('url:')) {
      return { field: WEBHOOK_IDS.url, message: t(d.includes('loopback') ? 'staff.webhooks.error.privateUrl' : 'staff.webhooks.error.url') };
    }
    if (d.startsWith('name:')) return { field: WEBHOOK_IDS.name, message: t('staff.webhooks.error.name') };
    if (d.startsWith('events:')) return { field: WEBHOOK_IDS.events, message: t('staff.webhooks.error.events') };
    return { field: WEBHOOK_IDS.owner_email, message: t('staff.webhooks.error.email') };
  });
}
