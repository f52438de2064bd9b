import { describe, expect, it } from 'vitest';
import { localMidnight, monthOf, monthRange, nextMonth, parseMonth } from './local-month.js';

describe('local months', () => {
  it('start at local midnight, across daylight-saving changes and odd offsets', () => {
    expect(new Date(monthRange(2025, 3, 'America/Chicago').start).toISOString()).toBe('2025-03-01T06:00:00.000Z');
    expect(new Date(monthRange(2025, 3, 'America/Chicago').end).toISOString()).toBe('2025-04-01T04:59:59.999Z');
    expect(new Date(monthRange(2025, 11, 'America/Chicago').end).toISOString()).toBe('2025-12-01T05:59:59.999Z');
    expect(new Date(monthRange(2025, 12, 'Pacific/Auckland').end).toISOString()).toBe('2025-12-31T10:59:59.999Z');
    expect(new Date(localMidnight(2025, 1, 1, 'Asia/Kolkata')).toISOString()).toBe('2024-12-31T18:30:00.000Z');
    expect(new Date(localMidnight(2025, 1, 1, 'UTC')).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('name the month of an instant in the zone', () => {
    expect(monthOf(Date.parse('2025-11-01T04:30:00Z'), 'America/Chicago')).toBe('2025-10');
    expect(monthOf(Date.parse('2025-11-01T06:30:00Z'), 'America/Chicago')).toBe('2025-11');
  });

  it('parse YYYY-MM only', () => {
    expect(parseMonth('2025-01')).toEqual({ year: 2025, month: 1 });
    for (const bad of ['2025-1', '2025-13', '2025-00', '0000-05', '25-01', '2025-01-01', '']) expect(parseMonth(bad), bad).toBeUndefined();
    expect(nextMonth(2025, 12)).toEqual({ year: 2026, month: 1 });
  });
});
