/** mySociety `servicerequestupdates`: GET range and POST body. */
import type { ExtendedStatus } from '../model.js';
import type { FormFields } from './form.js';

export interface UpdatesQuery { start: number; end: number; }

/** Both dates or neither (default: the last 2 hours, as FixMyStreet polls). Throws 400. */
export function parseUpdatesQuery(
  q: Readonly<Record<string, string | string[] | undefined>>,
  now: number,
): UpdatesQuery { throw new Error('TODO'); }

export interface UpdateSubmission {
  service_request_id: string;
  update_id: string;
  status: ExtendedStatus;
  updated_datetime: number;
  description: string;
  media_url: string | null;
}

/** Status accepted in any case with `_` or space; throws 400 naming each problem. */
export function validateUpdateSubmission(fields: FormFields): UpdateSubmission { throw new Error('TODO'); }
