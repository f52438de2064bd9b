import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, dayOf, dayStart } from './days.js';

describe('local days', () => {
  it('names the local day of an instant, across DST changes', () => {
    expect(dayOf(Date.UTC(2024, 2, 11, 4, 59), 'America/Chicago')).toBe('2024-03-10');
    expect(dayOf(Date.UTC(2024, 2, 11, 5, 0), 'America/Chicago')).toBe('2024-03-11');
    expect(dayOf(Date.UTC(2024, 10, 3, 5, 59), 'America/Chicago')).toBe('2024-11-03');
    expect(dayOf(Date.UTC(2024, 10, 4, 5, 59), 'America/Chicago')).toBe('2024-11-03');
    expect(dayOf(Date.UTC(2024, 10, 4, 6, 0), 'America/Chicago')).toBe('2024-11-04');
    expect(dayOf(Date.UTC(2024, 0, 1, 23, 0), 'Asia/Tokyo')).toBe('2024-01-02');
  });

  it('starts a day at its local midnight: 23 and 25 hour days', () => {
    const HOUR = 3_600_000;
    const tz = 'America/Chicago';
    expect(dayStart('2024-03-10', tz)).toBe(Date.UTC(2024, 2, 10, 6));
    expect(dayStart('2024-03-11', tz) - dayStart('2024-03-10', tz)).toBe(23 * HOUR);
    expect(dayStart('2024-11-04', tz) - dayStart('2024-11-03', tz)).toBe(25 * HOUR);
    expect(dayStart('2024-06-01', 'UTC')).toBe(Date.UTC(2024, 5, 1));
    // Santiago skips its midnight: the day starts at 01:00.
    expect(dayOf(dayStart('2024-09-08', 'America/Santiago'), 'America/Santiago')).toBe('2024-09-08');
    expect(dayOf(dayStart('2024-09-08', 'America/Santiago') - 1, 'America/Santiago')).toBe('2024-09-07');
  });

  it('adds days and refuses what is not a day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-25', 7)).toBe('2024-01-01');
    expect(dayNumber('1970-01-02')).toBe(1);
    for (const bad of ['2024-02-30', '2024-2-01', 'yesterday', '2024-13-01', '']) expect(dayNumber(bad)).toBeUndefined();
    expect(() => dayStart('2024-02-30', 'UTC')).toThrow(RangeError);
  });
});
