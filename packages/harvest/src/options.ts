/**
 * How one harvest run reads an endpoint: its budget (calls and time, so a run
 * ends and the next tick resumes), its politeness (one call at a time, spaced,
 * bounded in time and size, Retry-After honoured) and how far back it looks.
 */
export interface HarvestOptions {
  /** Calls one run makes at most (the services list included); default 200. */
  maxCalls?: number;
  /** How long one run may take, ms; default 4 minutes (inside the job's lease). */
  maxRunMs?: number;
  /** Least time between two calls to the endpoint, ms; default 1000 (tests use 0). */
  spacingMs?: number;
  /** One call's deadline, ms; default 20 s. */
  timeoutMs?: number;
  /** Largest answer read, bytes; default 8 MiB. */
  maxBytes?: number;
  /** How far back the first run reads, days; default 90. */
  horizonDays?: number;
  /** Endpoints that ignore `updated_after`: how far back each later run reads again for changes, days; default 30. */
  refreshDays?: number;
  /**
   * Endpoints that honour `updated_after`: changes are asked for requests made this many days back, in spans of
   * 90 days (one call each per window); default 365.
   */
  followDays?: number;
  /** page_size asked for where the endpoint pages; default 200. */
  pageSize?: number;
  /** The longest Retry-After (or back-off) waited for within a run, ms; a longer one ends the run. Default 60 s. */
  maxWaitMs?: number;
  /** Waits after a 429 or 503 within one run before the run gives up; default 3. */
  maxWaits?: number;
  userAgent?: string;
}

export type ResolvedHarvestOptions = Required<HarvestOptions>;

export const DAY_MS = 24 * 60 * 60 * 1000;

export const HARVEST_DEFAULTS: Readonly<ResolvedHarvestOptions> = Object.freeze({
  maxCalls: 200,
  maxRunMs: 4 * 60_000,
  spacingMs: 1000,
  timeoutMs: 20_000,
  maxBytes: 8 * 1024 * 1024,
  horizonDays: 90,
  refreshDays: 30,
  followDays: 365,
  pageSize: 200,
  maxWaitMs: 60_000,
  maxWaits: 3,
  userAgent: 'o311-harvest/0.1 (+https://github.com/o311)',
});

/** Bounds of the options; a value outside is a RangeError naming them. */
const BOUNDS: Readonly<Record<keyof Omit<HarvestOptions, 'userAgent'>, readonly [number, number]>> = {
  maxCalls: [1, 100_000],
  maxRunMs: [1, 60 * 60_000],
  spacingMs: [0, 60_000],
  timeoutMs: [100, 120_000],
  maxBytes: [1024, 100 * 1024 * 1024],
  horizonDays: [1, 3650],
  refreshDays: [1, 365],
  followDays: [1, 3650],
  pageSize: [1, 1000],
  maxWaitMs: [0, 60 * 60_000],
  maxWaits: [0, 20],
};

export function resolveHarvestOptions(o: HarvestOptions = {}): ResolvedHarvestOptions {
  const resolved: ResolvedHarvestOptions = { ...HARVEST_DEFAULTS };
  for (const [name, [min, max]] of Object.entries(BOUNDS) as [keyof typeof BOUNDS, readonly [number, number]][]) {
    const value = o[name];
    if (value === undefined) continue;
    if (!(Number.isInteger(value) && value >= min && value <= max)) {
      throw new RangeError(`harvest ${name} must be a whole number from ${min} to ${max}, got ${value}`);
    }
    resolved[name] = value;
  }
  if (o.userAgent !== undefined) resolved.userAgent = o.userAgent;
  return resolved;
}
