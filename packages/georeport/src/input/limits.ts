/** Input limits, named once so error texts, docs and checks agree. */
import { MS_PER_DAY, MS_PER_HOUR } from '../time/civil.js';

/** Spec: a start_date..end_date span may not exceed 90 days. */
export const MAX_SPAN_DAYS = 90;
export const MAX_SPAN_MS = MAX_SPAN_DAYS * MS_PER_DAY;
/** Ids in one `service_request_id` list (the spec's volume cap). */
export const MAX_REQUEST_IDS = 1000;
export const MAX_RADIUS_M = 50_000;
/** Spec: description is at most 4000 characters (counted as code points). */
export const MAX_DESCRIPTION_LENGTH = 4000;
/**
 * A text as its writer counts it: an HTML form sends each line break as CRLF,
 * while the textarea (and its maxlength) counts it as one character; counted as
 * sent, a description of 4000 characters typed in ten lines would be refused.
 */
export const typedLineBreaks = (s: string): string => s.replace(/\r\n?/g, '\n');
export const MAX_ATTRIBUTE_LENGTH = 4000;
export const MAX_ADDRESS_LENGTH = 1000;
export const MAX_URL_LENGTH = 2048;
/** Names, phone, email, ids, zipcode. */
export const MAX_SHORT_FIELD_LENGTH = 255;
/** GET servicerequestupdates without dates covers the last 2 hours, as FixMyStreet polls. */
export const UPDATES_DEFAULT_WINDOW_MS = 2 * MS_PER_HOUR;
