import { describe, it, expect, vi } from 'vitest';
import fc from 'fast-check';
import { formatDateTime, formatOffset, isIso8601, parseW3CDateTime } from './dates.js';

describe('parseW3CDateTime', () => {
  it('reads Z, ±hh:mm and ±hhmm offsets', () => {
    expect(parseW3CDateTime('2010-01-01T00:00:00Z')).toBe(Date.UTC(2010, 0, 1));
    expect(parseW3CDateTime('1994-11-05T08:15:30-05:00')).toBe(Date.UTC(1994, 10, 5, 13, 15, 30));
    expect(parseW3CDateTime('1994-11-05T08:15:30-0500')).toBe(Date.UTC(1994, 10, 5, 13, 15, 30));
    expect(parseW3CDateTime('2026-03-01T09:30:00+05:30')).toBe(Date.UTC(2026, 2, 1, 4, 0, 0));
    expect(parseW3CDateTime('2026-03-01T09:30:00-00:00')).toBe(Date.UTC(2026, 2, 1, 9, 30, 0));
  });

  it('takes optional seconds and fractions (to the millisecond)', () => {
    expect(parseW3CDateTime('2026-03-01T09:30Z')).toBe(Date.UTC(2026, 2, 1, 9, 30));
    expect(parseW3CDateTime('2026-03-01T09:30:15.5Z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 15, 500));
    expect(parseW3CDateTime('2026-03-01T09:30:15.000Z')).toBe(Date.UTC(2026, 2, 1, 9, 30, 15));
    expect(parseW3CDateTime('2026-03-01T09:30:15.123456789+01:00')).toBe(Date.UTC(2026, 2, 1, 8, 30, 15, 123));
  });

  it('requires a timezone', () => {
    expect(parseW3CDateTime('2026-03-01T09:30:00')).toBeUndefined();
    expect(parseW3CDateTime('2012-05-22 23:57:23.97')).toBeUndefined();
    expect(parseW3CDateTime('2026-03-01')).toBeUndefined();
  });

  it('rejects impossible dates and times', () => {
    for (const s of [
      '2026-02-30T00:00:00Z', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z',
      '2026-01-00T00:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z', '2026-01-01T10:00:00+24:00', '2026-01-01T10:00:00+05:60',
    ]) expect(parseW3CDateTime(s), s).toBeUndefined();
    expect(parseW3CDateTime('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects anything that is not the W3C profile', () => {
    for (const s of ['', 'yesterday', '2026-1-1T00:00:00Z', '20260101T000000Z', '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:00+5', ' 2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z ', '2026-01-01T00:00:00.Z', '1767225600000']) {
      expect(parseW3CDateTime(s), s).toBeUndefined();
    }
  });

  it('reads years before 100 correctly', () => {
    const d = new Date(0);
    d.setUTCFullYear(99, 0, 1);
    expect(parseW3CDateTime('0099-01-01T00:00:00Z')).toBe(d.getTime());
  });
});

describe('formatDateTime', () => {
  it('writes UTC as +00:00', () => {
    expect(formatDateTime(Date.UTC(2010, 0, 1), 'UTC')).toBe('2010-01-01T00:00:00+00:00');
    expect(formatDateTime(Date.UTC(2010, 0, 1), 'Etc/UTC')).toBe('2010-01-01T00:00:00+00:00');
  });

  it('writes local time with the zone offset, following daylight saving', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 15, 18, 0, 0), 'America/Chicago')).toBe('2026-01-15T12:00:00-06:00');
    expect(formatDateTime(Date.UTC(2026, 6, 15, 18, 0, 0), 'America/Chicago')).toBe('2026-07-15T13:00:00-05:00');
    expect(formatDateTime(Date.UTC(2026, 0, 15, 18, 0, 0), 'Asia/Kolkata')).toBe('2026-01-15T23:30:00+05:30');
    expect(formatDateTime(Date.UTC(2026, 0, 15, 23, 30, 0), 'Europe/Berlin')).toBe('2026-01-16T00:30:00+01:00');
  });

  it('switches offset at the exact instant of a transition', () => {
    // Chicago springs forward at 2026-03-08 02:00 CST = 08:00Z.
    const t = Date.UTC(2026, 2, 8, 8, 0, 0);
    expect(formatDateTime(t - 1000, 'America/Chicago')).toBe('2026-03-08T01:59:59-06:00');
    expect(formatDateTime(t, 'America/Chicago')).toBe('2026-03-08T03:00:00-05:00');
    // Lord Howe moves by half an hour, at 02:00 local (+10:30) = 15:30Z, off the UTC hour.
    const lh = Date.UTC(2026, 9, 3, 15, 30, 0);
    expect(formatDateTime(lh - 1000, 'Australia/Lord_Howe')).toBe('2026-10-04T01:59:59+10:30');
    expect(formatDateTime(lh, 'Australia/Lord_Howe')).toBe('2026-10-04T02:30:00+11:00');
  });

  it('drops fractions of a second, also before 1970', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 1, 0, 0, 0, 999), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
    expect(formatDateTime(Date.UTC(1960, 0, 1, 0, 0, 0, 999), 'UTC')).toBe('1960-01-01T00:00:00+00:00');
  });

  it('rejects what it cannot write', () => {
    expect(() => formatDateTime(NaN, 'UTC')).toThrow(RangeError);
    expect(() => formatDateTime(0, 'Not/AZone')).toThrow(RangeError);
    expect(() => formatDateTime(Date.UTC(10000, 0, 1), 'UTC')).toThrow(RangeError);
  });

  // Speed is measured in the benchmark; here, the reason for it: Intl is asked about days, not dates.
  it('asks Intl a few times per day covered, not once per date, for 3000 dates', () => {
    const intl = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      const first = Date.UTC(2026, 0, 1);
      const step = 2_600_000;
      for (let i = 0; i < 3000; i++) formatDateTime(first - i * step, 'America/Halifax');
      const days = Math.ceil((3000 * step) / 86_400_000) + 1;
      // Two look-ups per UTC day, plus a bisection (~17 look-ups) per transition day.
      expect(intl.mock.calls.length).toBeLessThanOrEqual(2 * days + 40);
    } finally {
      intl.mockRestore();
    }
  });
});

describe('formatOffset', () => {
  it('writes ±hh:mm', () => {
    expect([formatOffset(0), formatOffset(-300), formatOffset(330), formatOffset(-570)]).toEqual([
      '+00:00', '-05:00', '+05:30', '-09:30',
    ]);
  });
});

describe('formatDateTime and parseW3CDateTime', () => {
  const zones = ['UTC', 'America/Chicago', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/Berlin'];
  const instants = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });

  it('round-trip any instant in several zones, to the second', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (ms, zone) => {
        const text = formatDateTime(ms, zone);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
        expect(parseW3CDateTime(text)).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 2000 },
    );
  });

  it('agree with Intl on the local wall time (whole-minute offsets)', () => {
    const wall = (zone: string) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
      });
    const formatters = new Map(zones.map((z) => [z, wall(z)]));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const expected = formatters.get(zone)?.format(ms).replace(' ', 'T');
        expect(formatDateTime(ms, zone).slice(0, 19)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isIso8601', () => {
  it('accepts dates, datetimes with or without zone, basic format', () => {
    for (const s of ['2026-01-31', '2026-01-31T09:30', '2026-01-31T09:30:15', '2026-01-31 09:30:15.25',
      '2026-01-31T09:30:15Z', '2026-01-31T09:30:15+05:30', '2026-01-31T09:30:15-0500', '2026-01-31T09:30+01',
      '20260131', '20260131T093015Z']) {
      expect(isIso8601(s), s).toBe(true);
    }
  });

  it('rejects other text and impossible values', () => {
    for (const s of ['', 'tomorrow', '31/01/2026', '2026-02-30', '2026-01-31T25:00', '2026-01-31T09:61',
      '2026-01-31Z', '2026-01-31T09:30:15+25:00', '2026-1-31', 'T09:30']) {
      expect(isIso8601(s), s).toBe(false);
    }
  });
});
