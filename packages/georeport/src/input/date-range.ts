/** Date parameters and the spec's 90-day range rule, shared by GET requests and GET updates. */
import { parseW3CDateTime } from '../dates.js';
import { MS_PER_DAY } from '../time/civil.js';
import { MAX_SPAN_DAYS, MAX_SPAN_MS } from './limits.js';

/**
 * An unencoded `+` in `…T00:00:00+01:00` arrives as a space once the query or
 * form is decoded; a space before a trailing offset can only have been a `+`.
 */
const restorePlus = (s: string): string => s.replace(/^(.*\d) (\d{2}:?\d{2})$/, '$1+$2');

/**
 * Epoch ms; undefined when `raw` is absent; NaN when it is present but not a
 * W3C datetime with a timezone, the problem already recorded in `problems`.
 */
export function parseDateParam(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseW3CDateTime(restorePlus(raw.trim()));
  if (ms !== undefined) return ms;
  problems.push(`${name} must be a W3C datetime with a timezone, e.g. 2026-01-31T00:00:00Z`);
  return NaN;
}

/** Records a problem when `end` precedes `start` or the span exceeds 90 days. */
export function checkSpan(start: number, end: number, names: readonly [string, string], problems: string[]): void {
  const [startName, endName] = names;
  if (end < start) {
    problems.push(`${endName} must not be before ${startName}`);
  } else if (end - start > MAX_SPAN_MS) {
    const days = Math.ceil((end - start) / MS_PER_DAY);
    problems.push(
      `${startName} to ${endName} spans ${days} days; at most ${MAX_SPAN_DAYS} days may be asked for at once`,
    );
  }
}
