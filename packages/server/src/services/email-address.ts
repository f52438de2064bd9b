/** The e-mail addresses admins type (staff users, departments, webhook owners), checked alike by the server and the web forms. */

export const MAX_EMAIL_LENGTH = 254;

/** A plausible address: something@domain.tld, no spaces, at most MAX_EMAIL_LENGTH characters. */
export const isEmailAddress = (s: string): boolean => s.length <= MAX_EMAIL_LENGTH && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
