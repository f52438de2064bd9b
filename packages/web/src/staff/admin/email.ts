/** A plausible email address: something@domain.tld, no spaces, at most 254 characters. */
export const isEmailAddress = (s: string): boolean => s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
