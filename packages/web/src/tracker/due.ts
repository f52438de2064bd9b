/**
 * "Due in 3 days" / "Overdue by 2 days": whole calendar days between today and
 * the expected date, both taken in the jurisdiction's timezone.
 */
import type { Translator } from '../i18n/translate.js';

const MS_PER_DAY = 86_400_000;

/** Days since the epoch of the calendar date of `ms` in `timeZone`. */
function civilDay(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day')) / MS_PER_DAY;
}

/** Calendar days from `now` to `expected` (negative once past). */
export const daysUntil = (expected: number, now: number, timeZone: string): number =>
  civilDay(expected, timeZone) - civilDay(now, timeZone);

export type DueState = { kind: 'due'; days: number } | { kind: 'overdue'; days: number };

export function dueState(expected: number, now: number, timeZone: string): DueState {
  const days = daysUntil(expected, now, timeZone);
  return days >= 0 ? { kind: 'due', days } : { kind: 'overdue', days: -days };
}

/** The sentence, localised: "Due tomorrow", "Due in 3 days", "Overdue by 2 days". */
export function dueText(t: Translator, state: DueState): string {
  if (state.kind === 'due') {
    const when = new Intl.RelativeTimeFormat(t.locale, { numeric: 'auto' }).format(state.days, 'day');
    return t('tracker.due', { when });
  }
  const days = new Intl.NumberFormat(t.locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(state.days);
  return t('tracker.overdue', { days });
}
