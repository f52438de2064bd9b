/** mySociety `servicerequestupdates`: GET range and POST body. */
import { badRequest } from '../errors.js';
import type { ExtendedStatus } from '../model.js';
import { EXTENDED_STATUSES } from '../model.js';
import { atPublishedPrecision, mostRecentSpan, parseDateParam } from './date-range.js';
import type { FormFields } from './form.js';
import { field } from './form.js';
import { MAX_DESCRIPTION_LENGTH, MAX_SHORT_FIELD_LENGTH, MAX_URL_LENGTH, UPDATES_DEFAULT_WINDOW_MS } from './limits.js';
import { scalarParam } from './query-params.js';
import { isHttpUrl, isLongerThan, quote } from './text-checks.js';

/** Inclusive bounds on the updates' datetimes, epoch ms (see RequestsQuery's start and end). */
export interface UpdatesQuery { start: number; end: number; }

/**
 * Both dates or neither (default: the last 2 hours, as FixMyStreet polls); a
 * range over 90 days is cut to its most recent 90 days. Throws 400.
 */
export function parseUpdatesQuery(
  q: Readonly<Record<string, string | string[] | undefined>>,
  now: number,
): UpdatesQuery {
  const problems: string[] = [];
  const start = parseDateParam('start_date', scalarParam(q, 'start_date'), problems);
  const end = parseDateParam('end_date', scalarParam(q, 'end_date'), problems);
  if ((start === undefined) !== (end === undefined)) {
    problems.push('start_date and end_date must be sent together, or neither for the last 2 hours');
  }
  if (start === undefined || end === undefined) {
    if (problems.length > 0) throw badRequest(...problems);
    return { start: now - UPDATES_DEFAULT_WINDOW_MS, end: now };
  }
  const range = atPublishedPrecision(mostRecentSpan({ start, end }, ['start_date', 'end_date'], problems));
  if (problems.length > 0) throw badRequest(...problems);
  return range;
}

export interface UpdateSubmission {
  service_request_id: string;
  update_id: string;
  status: ExtendedStatus;
  updated_datetime: number;
  description: string;
  media_url: string | null;
}

const isExtendedStatus = (s: string): s is ExtendedStatus => Object.hasOwn(EXTENDED_STATUSES, s);

/** `OPEN`, `In Progress`, `in_progress` all name `in_progress`. */
export function normaliseStatus(raw: string): ExtendedStatus | undefined {
  const s = raw.trim().toLowerCase().replace(/[\s_]+/g, '_');
  return isExtendedStatus(s) ? s : undefined;
}

function required(fields: FormFields, name: string, problems: string[]): string {
  const value = field(fields, name)?.trim() ?? '';
  if (value === '') problems.push(`${name} is required`);
  else if (isLongerThan(value, MAX_SHORT_FIELD_LENGTH)) problems.push(`${name} must be at most ${MAX_SHORT_FIELD_LENGTH} characters`);
  return value;
}

/** Status accepted in any case with `_` or space; throws 400 naming each problem. */
export function validateUpdateSubmission(fields: FormFields): UpdateSubmission {
  const problems: string[] = [];
  const service_request_id = required(fields, 'service_request_id', problems);
  const update_id = required(fields, 'update_id', problems);

  const statusRaw = field(fields, 'status')?.trim();
  const status = statusRaw === undefined || statusRaw === '' ? undefined : normaliseStatus(statusRaw);
  if (statusRaw === undefined || statusRaw === '') problems.push('status is required');
  else if (status === undefined) {
    problems.push(`status ${quote(statusRaw)} is not valid; use one of ${Object.keys(EXTENDED_STATUSES).join(', ')}`);
  }

  const updatedRaw = field(fields, 'updated_datetime');
  if (updatedRaw === undefined || updatedRaw.trim() === '') problems.push('updated_datetime is required');
  const updated = parseDateParam('updated_datetime', updatedRaw?.trim() || undefined, problems);

  // Required, but may be empty: FixMyStreet sends `description=` for a bare status change.
  if (!fields.has('description')) problems.push('description is required (it may be empty)');
  const description = field(fields, 'description') ?? '';
  if (isLongerThan(description, MAX_DESCRIPTION_LENGTH)) {
    problems.push(`description must be at most ${MAX_DESCRIPTION_LENGTH} characters`);
  }

  const media_url = field(fields, 'media_url')?.trim() || null;
  if (media_url !== null && (isLongerThan(media_url, MAX_URL_LENGTH) || !isHttpUrl(media_url))) {
    problems.push('media_url must be an http or https URL');
  }

  if (problems.length > 0 || status === undefined || updated === undefined) throw badRequest(...problems);
  return { service_request_id, update_id, status, updated_datetime: updated, description, media_url };
}
