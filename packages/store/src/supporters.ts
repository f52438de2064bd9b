/**
 * "Me too" supporters of a request (issue 14): visitors who add their support
 * to an open request instead of reporting it again. Part of the {@link Store}
 * as `store.supporters`. A supporter is known by one or more identity keys
 * (the caller's: an account, an e-mail address, a browser's secret), kept only
 * as their SHA-256: the table holds nothing personal, and one support counts
 * once however many of its keys are sent again later.
 */

/** Keys one support may carry (a signed-in account, an e-mail, a browser). */
export const MAX_SUPPORTER_KEYS = 3;
/** Characters of one identity key (the caller prefixes its kind). */
export const MAX_SUPPORTER_KEY_LENGTH = 400;

export interface NewSupport {
  jurisdiction_id: string;
  request_id: string;
  /** At least one, e.g. `account:…`, `email:…`, `browser:…`; hashed before they are stored. */
  keys: readonly string[];
  at: number;
}

export type SupportOutcome =
  /** `added` false: one of the keys already supported the request (its other keys now join that support). */
  | { ok: true; added: boolean; count: number }
  | { ok: false; reason: 'unknown-request' };

export interface SupporterStore {
  add(support: NewSupport): Promise<SupportOutcome>;
  /** Supporters of one request (0 for an unknown one). */
  count(jurisdiction_id: string, request_id: string): Promise<number>;
  /** Supporters of each of the requests that has any. */
  counts(jurisdiction_id: string, request_ids: readonly string[]): Promise<Map<string, number>>;
  /** Whether any of the keys supports the request. */
  supports(jurisdiction_id: string, request_id: string, keys: readonly string[]): Promise<boolean>;
}
