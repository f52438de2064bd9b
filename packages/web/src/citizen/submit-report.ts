/**
 * The no-JS submission: our checks (to name each field at fault in the reader's
 * language), then the server's own submit service with the web app's key —
 * the same validation, transaction and receipt as POST requests.json.
 */
import type { Attribute, RequestReceipt } from '@o311/georeport';
import { requestServices, type Limits } from '@o311/server';
import type { Jurisdiction, ServiceRecord } from '@o311/store';
import type { WebContext } from '../context.js';
import type { Translator } from '../i18n/translate.js';
import { FIELD_IDS } from './form-state.js';
import { FORM_TOKEN_FIELD, formTokenClaim, formTokenOf } from './form-token.js';
import { droppedMessage } from './photo-limits.js';
import { checkReport, type FieldError } from './report-check.js';
import type { ReportInput } from './report-input.js';
import { submitWithWebKey } from './web-key-submit.js';

export type SubmitOutcome =
  | { ok: true; receipt: RequestReceipt }
  | { ok: false; errors: FieldError[]; serverProblems: string[] };

function photoErrors(input: ReportInput, t: Translator, limits: Limits): FieldError[] {
  const errors: FieldError[] = [];
  const add = (message: string): number => errors.push({ id: FIELD_IDS.media, message });
  if (input.overLimit === 'count') add(t('photos.tooMany', { max: limits.maxMediaFiles }));
  for (const d of input.dropped) add(droppedMessage(t, limits, d));
  for (const name of input.notImages) add(t('photos.notImage', { name }));
  for (const name of input.tooManyPixels) add(t('photos.tooManyPixels', { name }));
  // The browser cannot put files back in a form it is sent again.
  if (errors.length > 0 && input.photos.length > 0) add(t('form.photo.chooseAgain'));
  return errors;
}

export async function submitReport(
  web: WebContext,
  j: Jurisdiction,
  service: ServiceRecord,
  /** The definition in the reader's language, for the messages. */
  attributes: readonly Attribute[],
  input: ReportInput,
  t: Translator,
  /** The client's address: the web app's key is public, so its quota counts per visitor. */
  visitor: string,
): Promise<SubmitOutcome> {
  const { services } = web;
  const errors = [...checkReport(input.fields, attributes, t), ...photoErrors(input, t, services.limits)];
  if (errors.length > 0) return { ok: false, errors, serverProblems: [] };

  // Only a report that passed our checks takes a unit of the visitor's quota, and a
  // report the server then refuses gives it back: invalid posts spend nothing.
  const fields = new Map(input.fields).set('service_code', [service.service_code]);
  fields.delete(FORM_TOKEN_FIELD);
  const token = formTokenOf(input.fields);
  const claim = token === undefined ? undefined : formTokenClaim(token, service.service_code);
  const sent = await submitWithWebKey(web, t, { jurisdiction: j, visitor }, async (key) =>
    (await requestServices.submitRequestOnce(services, j, key, service, fields, input.photos, { idempotencyKey: claim, channel: 'web' })).receipt,
  );
  return sent.ok ? { ok: true, receipt: sent.value } : sent;
}

/** Where the browser goes after a successful submission (post/redirect/get). */
export function confirmationPath(code: string, receipt: RequestReceipt): string {
  const q = new URLSearchParams();
  if (receipt.service_request_id) q.set('id', receipt.service_request_id);
  else if (receipt.token) q.set('token', receipt.token);
  else q.set('service', code);
  return `/report/${encodeURIComponent(code)}/sent?${q.toString()}`;
}
