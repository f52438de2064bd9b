/**
 * The contact centre (issue 15): staff with the `call-taker` capability look a
 * caller up by the phone number or e-mail address they give, and file a
 * request for them, received by phone and audited under the staff member.
 * Every page and route of the contact centre asks {@link takesCalls} first.
 */
import { type FormFields } from '@o311/georeport';
import {
  type ApiKey, type CallerContact, type CallerHistory, type IdempotencyClaim, type Jurisdiction, type ServiceRecord, type StaffUser,
} from '@o311/store';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { isEmailAddress } from './email-address.js';
import { requireInScope } from './jurisdictions.js';
import { submitRequestOnce, type Submitted } from './requests.js';
import type { StaffActor } from './staff-actor.js';

/** How the caller agreed to get the receipt; kept in the audit entry of the request. */
export type ReceiptConsent = 'email' | 'sms';

/** Requests of each list shown for a caller. */
export const CALLER_HISTORY_LIMIT = 20;

/** Fewer digits than this match too many numbers to name one caller. */
export const MIN_PHONE_DIGITS = 6;
/** The longest international number (E.164). */
const MAX_PHONE_DIGITS = 15;

/** Admins take calls by their role; agents when an admin gave them the capability; viewers never. */
export const takesCalls = (user: Pick<StaffUser, 'role' | 'call_taker'>): boolean =>
  user.role === 'admin' || (user.role === 'agent' && user.call_taker);

/** What was typed as a phone number (digits and the usual separators) or an e-mail address; undefined otherwise. */
export function callerContactOf(typed: string): CallerContact | undefined {
  const s = typed.trim();
  if (s.includes('@')) return isEmailAddress(s) ? { kind: 'email', email: s.toLowerCase() } : undefined;
  if (!/^[\d\s().+\-/]+$/.test(s)) return undefined;
  const digits = s.replace(/\D/g, '');
  return digits.length >= MIN_PHONE_DIGITS && digits.length <= MAX_PHONE_DIGITS ? { kind: 'phone', digits } : undefined;
}

/**
 * The caller's earlier requests and follows in `j` (404 outside the actor's scope), audited (`caller.lookup`: who, when, where,
 * and by which kind of contact) so a city can see lookups that no call explains. The number or address itself is not kept:
 * the audit log would become a list of citizens' contacts, and a hash of a phone number is undone by trying them all.
 */
export async function lookUpCaller(ctx: ServiceContext, actor: StaffActor, j: Jurisdiction, contact: CallerContact): Promise<CallerHistory> {
  await requireInScope(ctx.store, actor.scope, j.id);
  const history = await ctx.store.callers.history(j.id, contact, CALLER_HISTORY_LIMIT);
  await recordAudit(ctx, actor, {
    action: 'caller.lookup', jurisdiction_id: j.id,
    details: { contact_kind: contact.kind, filed: history.filed.length, followed: history.followed.length },
  });
  return history;
}

/**
 * Files the request with the channel `phone` (the caller's consent to a receipt recorded with it), under the form's one-time claim,
 * always required: a second send of the same form answers the first request, audited once.
 * GeoReport failures (a 400 naming the field) come back as thrown by submitRequestOnce.
 */
export async function fileForCaller(
  ctx: ServiceContext,
  actor: StaffActor,
  j: Jurisdiction,
  filed: { key: ApiKey; service: ServiceRecord; fields: FormFields; claim: IdempotencyClaim; receipts: readonly ReceiptConsent[] },
): Promise<Submitted> {
  await requireInScope(ctx.store, actor.scope, j.id);
  const submitted = await submitRequestOnce(ctx, j, filed.key, filed.service, filed.fields, [], {
    idempotencyKey: filed.claim, channel: 'phone',
  });
  if (!submitted.replayed) {
    await recordAudit(ctx, actor, {
      action: 'request.create', jurisdiction_id: j.id, request_id: submitted.requestId,
      details: { service: filed.service.service_code, received_by: 'phone', receipt_by: [...filed.receipts] },
    });
  }
  return submitted;
}
