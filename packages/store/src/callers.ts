/**
 * The contact centre's caller lookup (issue 15): the requests a caller filed
 * and those they follow, found by the phone number or e-mail address they give
 * on the phone. Part of the {@link Store} as `store.callers`; staff only (the
 * answer names what a person reported).
 */
import type { ExtendedStatus } from '@o311/georeport';

/**
 * How a caller is known. Phone numbers are compared by their last
 * {@link PHONE_MATCH_DIGITS} digits, so `+1 (515) 555-0100` finds a request
 * left with `515.555.0100`: the national number without a country code or a
 * trunk prefix is 9 digits in most of Europe, 10 in North America.
 */
export type CallerContact = { kind: 'phone'; digits: string } | { kind: 'email'; email: string };

export const PHONE_MATCH_DIGITS = 9;

export interface CallerRequest {
  id: string;
  service_name: string;
  status: ExtendedStatus;
  requested_at: number;
  address: string | null;
}

export interface CallerHistory {
  /** Requests the caller left this contact with (or, for an e-mail, filed from its citizen account), newest first. */
  filed: CallerRequest[];
  /** Requests the caller follows by e-mail (confirmed), newest first; none for a phone number. */
  followed: CallerRequest[];
}

export interface CallerStore {
  /** At most `limit` of each list, in one jurisdiction. */
  history(jurisdiction_id: string, contact: CallerContact, limit: number): Promise<CallerHistory>;
}
