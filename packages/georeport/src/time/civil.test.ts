import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isValidDate } from './civil.js';

describe('civil calendar', () => {
  it('agrees with Date.UTC for ordinary years', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2026, 1, 31) * 86_400_000).toBe(Date.UTC(2026, 0, 31));
    expect(daysFromCivil(1900, 3, 1) * 86_400_000).toBe(Date.UTC(1900, 2, 1));
  });

  it('handles the years Date.UTC maps onto the 1900s', () => {
    const d = new Date(0);
    d.setUTCFullYear(50, 5, 15);
    expect(daysFromCivil(50, 6, 15) * 86_400_000).toBe(d.getTime());
  });

  it('knows leap years and month lengths', () => {
    expect([isLeapYear(2024), isLeapYear(1900), isLeapYear(2000), isLeapYear(2026)]).toEqual([true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(isValidDate(2026, 2, 29)).toBe(false);
    expect(isValidDate(2026, 13, 1)).toBe(false);
    expect(isValidDate(2026, 12, 31)).toBe(true);
  });

  it('civilFromDays inverts daysFromCivil', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(isValidDate(year, month, day)).toBe(true);
        expect(daysFromCivil(year, month, day)).toBe(days);
      }),
    );
  });
});
