import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatDateTime, parseW3CDateTime } from '../dates.js';
import { FIRST_WRITABLE_INSTANT, LAST_WRITABLE_INSTANT, isWritableInstant } from './writable-range.js';

/** Zones with the largest offsets either way, and ones with odd minutes. */
const ZONES = ['UTC', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Niue', 'Asia/Kolkata', 'America/Chicago', 'Australia/Lord_Howe'];

describe('writable instants', () => {
  it('run from 0001-01-01 to the last millisecond of 9999, UTC', () => {
    const first = new Date(0);
    first.setUTCFullYear(1, 0, 1);
    expect(FIRST_WRITABLE_INSTANT).toBe(first.getTime());
    expect(LAST_WRITABLE_INSTANT).toBe(Date.UTC(10_000, 0, 1) - 1);
    expect([FIRST_WRITABLE_INSTANT - 1, LAST_WRITABLE_INSTANT + 1, NaN, Infinity].map(isWritableInstant)).toEqual([false, false, false, false]);
  });

  it('the parser refuses dates whose instant leaves the range, however the offset gets there', () => {
    for (const s of [
      '9999-12-31T23:59:59-23:59', '9999-12-31T23:00:00-01:00', '0001-01-01T00:00:00+00:01', '0000-06-01T00:00:00Z',
      '0000-12-31T23:59:59Z',
    ]) expect(parseW3CDateTime(s), s).toBeUndefined();
    expect(parseW3CDateTime('9999-12-31T23:59:59.999Z')).toBe(LAST_WRITABLE_INSTANT);
    expect(parseW3CDateTime('0001-01-01T00:00:00Z')).toBe(FIRST_WRITABLE_INSTANT);
    expect(parseW3CDateTime('9999-12-31T23:59:59+14:00')).toBe(LAST_WRITABLE_INSTANT - 14 * 3_600_000 - 999);
  });

  it('the formatter writes the ends of the range in every zone, in UTC where local time would leave it', () => {
    expect(formatDateTime(LAST_WRITABLE_INSTANT, 'Pacific/Kiritimati')).toBe('9999-12-31T23:59:59+00:00');
    expect(formatDateTime(FIRST_WRITABLE_INSTANT, 'America/Chicago')).toBe('0001-01-01T00:00:00+00:00');
    expect(formatDateTime(LAST_WRITABLE_INSTANT - 86_400_000, 'Pacific/Kiritimati')).toBe('9999-12-31T13:59:59+14:00');
    expect(() => formatDateTime(LAST_WRITABLE_INSTANT + 1, 'UTC')).toThrow(RangeError);
    expect(() => formatDateTime(FIRST_WRITABLE_INSTANT - 1, 'UTC')).toThrow(RangeError);
  });

  it('whatever the parser accepts, the formatter writes in any zone and reads back (property)', () => {
    const nearEdges = fc.oneof(
      fc.integer({ min: FIRST_WRITABLE_INSTANT - 3 * 86_400_000, max: FIRST_WRITABLE_INSTANT + 3 * 86_400_000 }),
      fc.integer({ min: LAST_WRITABLE_INSTANT - 3 * 86_400_000, max: LAST_WRITABLE_INSTANT + 3 * 86_400_000 }),
      fc.integer({ min: FIRST_WRITABLE_INSTANT * 2, max: LAST_WRITABLE_INSTANT * 2 }),
    );
    fc.assert(
      fc.property(nearEdges, fc.constantFrom(...ZONES), (ms, zone) => {
        if (!isWritableInstant(ms)) {
          expect(() => formatDateTime(ms, zone)).toThrow(RangeError);
          return;
        }
        const text = formatDateTime(ms, zone);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        expect(parseW3CDateTime(text)).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 1000 },
    );
  });

  it('no W3C text with any offset parses to an instant outside the range (property)', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const text = fc.record({
      year: fc.oneof(fc.constantFrom(0, 1, 9999), fc.integer({ min: 0, max: 9999 })),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      sign: fc.constantFrom('+', '-'),
      offsetHours: fc.integer({ min: 0, max: 23 }),
      offsetMinutes: fc.integer({ min: 0, max: 59 }),
    }).map((d) => `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}T${pad(d.hour, 2)}:${pad(d.minute, 2)}:59.999${d.sign}${pad(d.offsetHours, 2)}:${pad(d.offsetMinutes, 2)}`);
    fc.assert(
      fc.property(text, fc.constantFrom(...ZONES), (s, zone) => {
        const ms = parseW3CDateTime(s);
        if (ms === undefined) return;
        expect(isWritableInstant(ms)).toBe(true);
        expect(() => formatDateTime(ms, zone)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
