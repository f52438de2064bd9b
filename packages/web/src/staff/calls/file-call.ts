/**
 * A posted call form: our checks (the citizen form's, so every problem is
 * named at its field in the agent's language, plus the receipt consents),
 * then the server's contact-centre service with the web app's key and the
 * form's one-time token, so a double send files one request. Each receipt
 * (e-mail, SMS) is queued only when the caller agreed to it, and never fails
 * the filing.
 */
import type { FastifyRequest } from 'fastify';
import { isOpen311Failure, type Attribute } from '@o311/georeport';
import { callTaking } from '@o311/server';
import { e164, queueSmsReceipt } from '@o311/sms';
import type { Jurisdiction, ServiceRecord, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import type { Translator } from '../../i18n/translate.js';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/locales.js';
import { webApiKey } from '../../citizen/api-key.js';
import { FIELD_IDS, valueOf, type FormFields } from '../../citizen/form-state.js';
import { FORM_TOKEN_FIELD, formTokenOf } from '../../citizen/form-token.js';
import { checkReport, type FieldError } from '../../citizen/report-check.js';
import { queueReceipt } from '../../reporter/receipt.js';
import { webActorOf } from '../staff-actor.js';
import { CALL_FIELDS, CALL_FIELD_IDS } from './call-fields.js';

export type CallOutcome = { ok: true; requestId: string } | { ok: false; errors: FieldError[]; serverProblems: string[] };

/** Whether this server texts (an SMS channel is configured): else the form offers no SMS receipt. */
export const textsReceipts = (web: WebContext): boolean => web.options.sms !== undefined;

const consents = (web: WebContext, fields: FormFields): callTaking.ReceiptConsent[] => [
  ...(valueOf(fields, CALL_FIELDS.receiptEmail) === '1' ? ['email' as const] : []),
  ...(textsReceipts(web) && valueOf(fields, CALL_FIELDS.receiptSms) === '1' ? ['sms' as const] : []),
];

/** Whether `phone` said STOP to this server's texts (so no receipt or other text goes to it). */
export async function textsRefused(web: WebContext, j: Jurisdiction, phone: string | null): Promise<boolean> {
  const number = textsReceipts(web) && phone !== null ? e164(phone.trim()) : undefined;
  return number !== undefined && (await web.services.store.sms.optedOut(j.id, number));
}

/** A receipt needs the address or number to send it to. */
function consentErrors(web: WebContext, fields: FormFields, t: Translator): FieldError[] {
  const errors: FieldError[] = [];
  const wants = consents(web, fields);
  if (wants.includes('email') && valueOf(fields, 'email').trim() === '') {
    errors.push({ id: CALL_FIELD_IDS.receiptEmail, message: t('calls.error.receiptEmail') });
  }
  // A text message goes only to an international number (the SMS provider's rule).
  if (wants.includes('sms') && e164(valueOf(fields, 'phone').trim()) === undefined) {
    errors.push({ id: CALL_FIELD_IDS.receiptSms, message: t('calls.error.receiptSms') });
  }
  return errors;
}

/** Every problem of the form, in its order (the caller's details come first on it). */
export function checkCall(web: WebContext, fields: FormFields, attributes: readonly Attribute[], t: Translator): FieldError[] {
  const order: readonly string[] = [FIELD_IDS.first_name, FIELD_IDS.last_name, FIELD_IDS.phone, FIELD_IDS.email];
  const all = checkReport(fields, attributes, t);
  return [...all.filter((e) => order.includes(e.id)), ...all.filter((e) => !order.includes(e.id)), ...consentErrors(web, fields, t)];
}

/** The GeoReport submission: the form without its own fields. */
function submission(fields: FormFields, code: string): FormFields {
  const sent = new Map(fields).set('service_code', [code]);
  for (const name of [FORM_TOKEN_FIELD, ...Object.values(CALL_FIELDS)]) sent.delete(name);
  return sent;
}

export async function fileCall(
  web: WebContext,
  request: FastifyRequest,
  who: StaffUser,
  target: { j: Jurisdiction; service: ServiceRecord; attributes: readonly Attribute[] },
  fields: FormFields,
  t: Translator,
): Promise<CallOutcome> {
  const errors = checkCall(web, fields, target.attributes, t);
  if (errors.length > 0) return { ok: false, errors, serverProblems: [] };
  const { services } = web;
  const key = await services.store.findApiKey(await webApiKey(web));
  if (!key) throw new Error('The web app API key is missing or revoked.');
  // Only a form sent with its one-time token files (a copy without one, e.g. scripted, would file at each send).
  const token = formTokenOf(fields);
  if (token === undefined) return { ok: false, errors: [], serverProblems: [t('calls.error.formToken')] };
  const receipts = consents(web, fields);
  let requestId: string;
  let replayed: boolean;
  try {
    ({ requestId, replayed } = await callTaking.fileForCaller(services, webActorOf(who), target.j, {
      key, service: target.service, fields: submission(fields, target.service.service_code), receipts,
      claim: { key: `call:${token}`, fingerprint: `call-form:${target.service.service_code}` },
    }));
  } catch (e) {
    if (isOpen311Failure(e) && e.status < 500) return { ok: false, errors: [], serverProblems: e.errors.map((x) => x.description) };
    throw e;
  }
  if (!replayed) await queueReceipts(web, request, target.j, requestId, fields, receipts);
  return { ok: true, requestId };
}

async function queueReceipts(
  web: WebContext, request: FastifyRequest, j: Jurisdiction, requestId: string, fields: FormFields, receipts: readonly callTaking.ReceiptConsent[],
): Promise<void> {
  const asked = valueOf(fields, CALL_FIELDS.locale);
  const locale = isLocale(asked) ? asked : DEFAULT_LOCALE;
  if (receipts.includes('email')) await queueReceipt(web, request, j, requestId, { locale });
  if (!receipts.includes('sms')) return;
  try {
    const queued = await queueSmsReceipt(web.services, { jurisdictionId: j.id, requestId, phone: valueOf(fields, 'phone').trim(), locale });
    if (!queued.queued) request.log.warn({ requestId, queued }, 'the SMS receipt of a request filed by phone was not queued');
  } catch (err) {
    request.log.error({ err, requestId }, 'enqueuing the SMS receipt of a request filed by phone failed');
  }
}
