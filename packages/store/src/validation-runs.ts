/**
 * Validator runs started from the web page, the JSON API or the monitor's daily
 * conformance check (issue 12): what was asked, how far the run is, and its
 * report, behind a permanent id (`/validate/r/{id}`). Part of the {@link Store}
 * as `store.validations`. Times are epoch milliseconds (UTC).
 *
 * The report is the validator's JSON report, kept as the run wrote it (the
 * store does not read inside it); evidence is trimmed before it is stored.
 */

export const VALIDATION_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];

export const VALIDATION_SOURCES = ['web', 'api', 'monitor'] as const;
export type ValidationSource = (typeof VALIDATION_SOURCES)[number];

/** Which response formats the run tests. */
export const VALIDATION_FORMATS = ['both', 'xml', 'json'] as const;
export type ValidationFormat = (typeof VALIDATION_FORMATS)[number];

/** The run's counts, as the validator sums them up. */
export interface ValidationSummary {
  errors: number;
  warnings: number;
  info: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface NewValidationRun {
  /** The endpoint or discovery URL, as typed. */
  url: string;
  /** The registry endpoint it is (same base or discovery URL), if any: its recent runs and badge. */
  endpoint_slug: string | null;
  source: ValidationSource;
  format: ValidationFormat;
  /** Write checks asked for (test requests are created). */
  write: boolean;
  jurisdiction_id: string | null;
  /**
   * The API key for the write checks, sealed by the server; erased when the run
   * ends (finish or fail), never shown.
   */
  api_key_sealed: string | null;
  /** Who asked (a hash of the client address): rate limits and "your runs"; never shown. */
  client: string | null;
}

export interface ValidationRun extends Omit<NewValidationRun, 'api_key_sealed' | 'client'> {
  /** Unguessable, URL-safe. */
  id: string;
  state: ValidationState;
  /** Checks finished and checks in the run (0 until it starts). */
  done: number;
  total: number;
  /** The validator's results so far while running (JSON array), the whole report once done. */
  partial: unknown[];
  report: unknown | null;
  summary: ValidationSummary | null;
  /** Why a run failed (the target was refused, the run crashed), bounded. */
  error: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface ValidationRunFilter {
  endpoint_slug?: string;
  url?: string;
  source?: ValidationSource;
  states?: readonly ValidationState[];
  limit: number;
}

export interface ValidationStore {
  create(r: NewValidationRun, at: number): Promise<ValidationRun>;
  get(id: string): Promise<ValidationRun | undefined>;
  /**
   * Marks a queued run running with its number of checks (partial results
   * emptied: a retried job starts again from scratch); its sealed API key, or
   * null. Undefined unless the run was queued or running.
   */
  start(id: string, total: number, at: number): Promise<{ api_key_sealed: string | null } | undefined>;
  /** Progress of a running run: checks done and the results so far. */
  progress(id: string, done: number, partial: readonly unknown[]): Promise<void>;
  /** Done: the report and its summary; the API key is erased. */
  finish(id: string, report: unknown, summary: ValidationSummary, at: number): Promise<boolean>;
  /** Failed: why; the API key is erased. */
  fail(id: string, error: string, at: number): Promise<boolean>;
  /** Newest first, without `partial` and `report` (empty and null). */
  list(f: ValidationRunFilter): Promise<ValidationRun[]>;
  /** The newest finished run of the endpoint, with its report (the badge, the monitor's score). */
  latestDone(endpoint_slug: string): Promise<ValidationRun | undefined>;
  /** Runs a client started since `since` (rate limits). */
  countByClient(client: string, since: number): Promise<number>;
  /**
   * Keeps the newest `keepPerTarget` runs per URL and forgets the rest that
   * finished before `finishedBefore`; how many were removed.
   */
  prune(keepPerTarget: number, finishedBefore: number): Promise<number>;
}

/** The longest error kept. */
export const MAX_VALIDATION_ERROR = 1000;
