/** The fields the call form adds to a GeoReport submission (never sent on to it), and their element ids. */
export const CALL_FIELDS = {
  /** The language of the caller's receipt and of the mail that follows. */
  locale: 'caller_locale',
  receiptEmail: 'receipt_email',
  receiptSms: 'receipt_sms',
} as const;

export const CALL_FIELD_IDS = {
  locale: 'call-locale',
  receiptEmail: 'call-receipt-email',
  receiptSms: 'call-receipt-sms',
} as const;
