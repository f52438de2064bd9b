/** Escaping for the reporters: any server text (bodies, messages) may end up in them. */

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside XML/HTML element content and quoted attribute values. */
export const escapeMarkup = (s: string): string => s.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/**
 * Control characters a terminal would act on (ESC sequences that recolour, move
 * the cursor, retitle the window or rewrite earlier lines; C1 controls; bidi
 * overrides that reorder what is shown), all but line feed and tab.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Text safe to print on a terminal: each control character shown as `\xNN` / `\uNNNN` instead of acted on. */
export const escapeTerminal = (s: string): string => s.replace(TERMINAL_CONTROLS, visible);
