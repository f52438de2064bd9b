/**
 * The report form's one-time token: a random hidden field issued with the
 * form. The submission claims it as an idempotency key of the web app's API
 * key (store idempotency keys, kept IDEMPOTENCY_KEY_KEPT_HOURS), so the same
 * form sent again (Back, then Send) finds the request the first send created
 * instead of filing it twice. Without JavaScript any second send of the token
 * is the same report, whatever was changed (a browser does not put the photos
 * back); with JavaScript the token goes as the API's Idempotency-Key header,
 * under its usual rule (the same submission, or a 422).
 */
import { randomBytes } from 'node:crypto';
import type { IdempotencyClaim } from '@o311/store';
import { valueOf, type FormFields } from './form-state.js';

export const FORM_TOKEN_FIELD = 'form_token';

/** What the server issues (24 characters); a client may send only this shape. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export const newFormToken = (): string => randomBytes(18).toString('base64url');

/** The token a sent form carries, if it is one. */
export function formTokenOf(fields: FormFields): string | undefined {
  const token = valueOf(fields, FORM_TOKEN_FIELD);
  return TOKEN.test(token) ? token : undefined;
}

/** The claim of a plain-form send: one fingerprint per service, so any resend of the token is a replay. */
export const formTokenClaim = (token: string, serviceCode: string): IdempotencyClaim => ({
  key: `form:${token}`,
  fingerprint: `report-form:${serviceCode}`,
});
