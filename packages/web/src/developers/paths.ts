/** Where the developers' pages live. */
export const DEVELOPERS_PATH = '/developers';
/** POST: ask for a key (the form is on the developers' page). */
export const KEY_REQUEST_PATH = '/developers/keys';
/** GET: the confirm button of a mailed link; POST: its press. */
export const VERIFY_PATH = '/developers/keys/verify';
/** The id of the form's section, linked from the mails and the table of contents. */
export const KEY_FORM_ANCHOR = 'get-a-key';

export const verifyLink = (base: string, secret: string): string => `${base}${VERIFY_PATH}?token=${encodeURIComponent(secret)}`;
