import { describe, expect, it } from 'vitest';
import { fromLocalDate, fromLocalInput, toLocalDate, toLocalInput } from './local-time.js';

const CHICAGO = 'America/Chicago';

describe('local date and time inputs', () => {
  it('round-trips wall-clock times, in winter and in summer', () => {
    for (const value of ['2026-01-15T09:30', '2026-07-15T09:30', '2026-03-08T03:30', '2026-11-01T00:15']) {
      const ms = fromLocalInput(value, CHICAGO)!;
      expect(toLocalInput(ms, CHICAGO)).toBe(value);
    }
    expect(fromLocalInput('2026-01-15T09:30', CHICAGO)).toBe(Date.UTC(2026, 0, 15, 15, 30));
    expect(fromLocalInput('2026-07-15T09:30', CHICAGO)).toBe(Date.UTC(2026, 6, 15, 14, 30));
  });

  it('gives whole local days, including the short and the long day', () => {
    const start = fromLocalDate('2026-03-08', CHICAGO)!;
    const end = fromLocalDate('2026-03-08', CHICAGO, true)!;
    expect(end - start + 1).toBe(23 * 3_600_000);
    expect(toLocalDate(start, CHICAGO)).toBe('2026-03-08');
    expect(toLocalDate(end + 1, CHICAGO)).toBe('2026-03-09');
    const long = fromLocalDate('2026-11-01', CHICAGO, true)! - fromLocalDate('2026-11-01', CHICAGO)! + 1;
    expect(long).toBe(25 * 3_600_000);
  });

  it('refuses malformed or impossible values', () => {
    for (const bad of ['2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01', 'soon', '']) expect(fromLocalInput(bad, CHICAGO)).toBeUndefined();
    for (const bad of ['2026-13-01', '2026-1-1', 'today']) expect(fromLocalDate(bad, CHICAGO)).toBeUndefined();
  });

  it('refuses times whose instant no response could write, and years Date.UTC would misread', () => {
    expect(fromLocalInput('9999-12-31T23:59', CHICAGO)).toBeUndefined();
    expect(fromLocalDate('9999-12-31', CHICAGO, true)).toBeUndefined();
    expect(fromLocalInput('0050-06-01T12:00', CHICAGO)).toBeUndefined();
    expect(fromLocalInput('9999-12-30T12:00', CHICAGO)).toBe(Date.UTC(9999, 11, 30, 18));
  });
});
