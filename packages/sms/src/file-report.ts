/**
 * Files the report a conversation gathered, through the same submit service
 * as POST requests (its validation, its one transaction), with channel `sms`
 * and the reporter's number kept private as the reporter's phone. The
 * conversation's id is the idempotency key: a retry of the confirming
 * message after a crash finds the request filed the first time.
 */
import { isOpen311Failure, type FormFields } from '@o311/georeport';
import { requestServices, type ServiceContext } from '@o311/server';
import type { Jurisdiction } from '@o311/store';
import { smsApiKey } from './api-key.js';
import type { ConversationState } from './conversation.js';

export type Filed =
  /** `id` null: the service gives no id (a token or nothing). */
  | { ok: true; id: string | null; requestId: string }
  /** The request was refused (the service went away, its questions changed). */
  | { ok: false };

function formOf(state: ConversationState, phone: string): FormFields {
  const fields: FormFields = new Map([
    ['service_code', [state.service ?? '']],
    ['description', [state.description ?? '']],
    ['phone', [phone]],
  ]);
  if (state.place) {
    fields.set('lat', [String(state.place.lat)]).set('long', [String(state.place.long)]);
    fields.set('address_string', [state.place.label]);
  }
  for (const [code, values] of Object.entries(state.answers)) fields.set(`attribute[${code}]`, values);
  return fields;
}

export async function fileReport(ctx: ServiceContext, j: Jurisdiction, conversationId: string, state: ConversationState, phone: string): Promise<Filed> {
  const service = state.service === undefined ? undefined : await ctx.store.getService(j.id, state.service);
  if (!service?.active) return { ok: false };
  const key = await smsApiKey(ctx.store);
  try {
    const { receipt, requestId } = await requestServices.submitRequestOnce(ctx, j, key, service, formOf(state, phone), [], {
      idempotencyKey: { key: `sms:${conversationId}`, fingerprint: conversationId },
      channel: 'sms',
    });
    return { ok: true, id: receipt.service_request_id ?? null, requestId };
  } catch (e) {
    if (isOpen311Failure(e) && e.status < 500) return { ok: false };
    throw e;
  }
}
