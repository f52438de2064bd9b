/**
 * How a monitor process polls (`serve --monitor`, `o311 monitor run`): the
 * failures in a row that open an incident and the deadline of one poll, both
 * bounded; private and loopback endpoints only with the server's permission.
 */
import { DEFAULT_FAILURES_TO_OPEN } from '@o311/monitor';

export interface MonitorOptions {
  /** Failed polls in a row that open an incident (1..MONITOR_BOUNDS.failures.max); default DEFAULT_FAILURES_TO_OPEN. */
  failuresToOpen?: number;
  /** One poll's deadline, ms; default 10 s. */
  timeoutMs?: number;
}

export interface ResolvedMonitorOptions {
  failuresToOpen: number;
  timeoutMs: number;
}

export const DEFAULT_MONITOR_TIMEOUT_MS = 10_000;

/** Bounds of the options (the CLI checks its flags against the same numbers). */
export const MONITOR_BOUNDS = {
  failures: { min: 1, max: 100 },
  timeoutMs: { min: 100, max: 120_000 },
} as const;

function bounded(name: string, value: number | undefined, bounds: { min: number; max: number }, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(Number.isInteger(value) && value >= bounds.min && value <= bounds.max)) {
    throw new RangeError(`monitor ${name} must be a whole number from ${bounds.min} to ${bounds.max}, got ${value}`);
  }
  return value;
}

/** The options with their defaults, or a RangeError naming the bounds. */
export function resolveMonitorOptions(o: MonitorOptions): ResolvedMonitorOptions {
  return {
    failuresToOpen: bounded('failuresToOpen', o.failuresToOpen, MONITOR_BOUNDS.failures, DEFAULT_FAILURES_TO_OPEN),
    timeoutMs: bounded('timeoutMs', o.timeoutMs, MONITOR_BOUNDS.timeoutMs, DEFAULT_MONITOR_TIMEOUT_MS),
  };
}
