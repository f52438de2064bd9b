/** Response text: UTF-8 as the standard requires, with bytes that are not UTF-8 flagged rather than hidden. */

export interface DecodedText {
  text: string;
  invalidUtf8: boolean;
}

/**
 * `cut` marks a body truncated at a byte limit: a character split by the cut is dropped
 * instead of being counted as invalid UTF-8. Decoders are made per call because a
 * streaming decode leaves state behind in the decoder.
 */
export function decodeUtf8(bytes: Uint8Array, cut = false): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut }), invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), invalidUtf8: true };
  }
}
