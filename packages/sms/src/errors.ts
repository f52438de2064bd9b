/** The SMS channel's failures, declared once (expected outcomes are values, not these). */

export type SmsErrorKind =
  /** The channel's configuration cannot work (a missing secret, a private provider address). */
  | 'config'
  /** The provider refused a message for good (a bad number, an opted-out one): not retried. */
  | 'refused'
  /** The provider could not be reached or failed: the send job retries. */
  | 'unavailable';

export class SmsError extends Error {
  override readonly name = 'SmsError';

  constructor(readonly kind: SmsErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
