/** What a conformance check is: data plus one async function (run by validate() in run.ts). */
import type { Format } from '@o311/georeport';
import type { CheckContext } from './context.js';

export type Severity = 'error' | 'warning' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** Excerpts of one exchange: request line + relevant headers/body; status line + content-type + body start. */
export interface Evidence {
  request: string;
  response: string;
}

export interface CheckOutcome {
  status: CheckStatus;
  message: string;
  evidence?: Evidence;
}

export interface Check {
  /** Stable kebab-case id, prefixed by area (`services-…`, `requests-…`, `errors-…`). */
  id: string;
  title: string;
  /** Spec section and digest section, e.g. `GeoReport v2 §GET Service List; digest §4`. */
  specRef: string;
  severity: Severity;
  /** How to fix a failure, in one sentence (shown beside it in the reports). */
  fix: string;
  /** Needs write mode (it POSTs); skipped otherwise. */
  write?: boolean;
  /** The response formats it is about (all of them needed); skipped when the run leaves one out. Absent: any. */
  formats?: readonly Format[];
  run(ctx: CheckContext): Promise<CheckOutcome>;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const pass = (message: string): CheckOutcome => ({ status: 'pass', message });
export const skip = (message: string): CheckOutcome => ({ status: 'skip', message });
export const fail = (message: string, evidence?: Evidence): CheckOutcome =>
  evidence === undefined ? { status: 'fail', message } : { status: 'fail', message, evidence };

/** Tells the outcome a helper returns when it cannot give its value (`T | CheckOutcome`) from that value. */
export const isOutcome = <T extends object>(r: T | CheckOutcome): r is CheckOutcome => 'status' in r && 'message' in r;
