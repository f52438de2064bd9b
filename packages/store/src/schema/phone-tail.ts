/**
 * A reporter's phone number as the contact centre finds it (callers.ts):
 * numbers are stored as typed, so the digits are read by stripping what people
 * type between them, and two numbers are the same caller when their last
 * PHONE_MATCH_DIGITS digits are. The same SQL text is the key of the
 * `requests_by_phone_tail` index and the expression of the lookup, so that
 * both planners match the query to the index (literals, not parameters).
 *
 * `substr(d, length(d) - 8)` is the last 9 digits in both dialects; a shorter
 * number gives a shorter string there (SQLite counts a negative start from the
 * end, PostgreSQL from before the first character), never equal to 9 digits.
 */
import { PHONE_MATCH_DIGITS } from '../callers.js';

/** What people type between the digits of a phone number. */
const SEPARATORS = [' ', '-', '.', '(', ')', '+', '/'];

export const PHONE_DIGITS_SQL = SEPARATORS.reduce((inner, s) => `replace(${inner}, '${s}', '')`, '"phone"');

export const PHONE_TAIL_SQL = `substr(${PHONE_DIGITS_SQL}, length(${PHONE_DIGITS_SQL}) - ${PHONE_MATCH_DIGITS - 1})`;
