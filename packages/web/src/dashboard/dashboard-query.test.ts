import { describe, expect, it } from 'vitest';
import { parseDashboardQuery, queryString } from './dashboard-query.js';

/** 03:00 UTC on 2026-03-11: still the 10th in Chicago. */
const NOW = Date.UTC(2026, 2, 11, 3);
const parse = (q: string, zone = 'America/Chicago') => parseDashboardQuery(new URLSearchParams(q), zone, NOW);

describe('the dashboard filter', () => {
  it('defaults to yesterday and the last 30 days in the source\'s zone', () => {
    expect(parse('')).toEqual({ query: { day: '2026-03-09', from: '2026-02-09', to: '2026-03-10', areas: [], services: [], groups: [], status: 'any', channels: [] }, errors: [] });
    expect(parse('', 'UTC').query.day).toBe('2026-03-10');
  });

  it('reads repeated keys once each, trimmed, and round-trips through its query string', () => {
    const { query, errors } = parse('day=2026-01-05&from=2025-12-01&to=2026-01-31&area=a&area=b&area=a&service=%20x%20&group=G&status=closed&channel=phone&channel=sms&channel=phone');
    expect(errors).toEqual([]);
    expect(query).toEqual({
      day: '2026-01-05', from: '2025-12-01', to: '2026-01-31', areas: ['a', 'b'], services: ['x'], groups: ['G'], status: 'closed', channels: ['phone', 'sms'],
    });
    expect(parse(queryString(query)).query).toEqual(query);
  });

  it('names each bad field, and keeps a usable filter for the form', () => {
    const { query, errors } = parse('day=2026-02-29&from=1999-01-01&to=2026-03-12&status=all&channel=phone&channel=pigeon');
    expect(errors).toEqual([
      { field: 'day', problem: 'notADay' },
      { field: 'to', problem: 'outOfRange' },
      { field: 'from', problem: 'outOfRange' },
      { field: 'status', problem: 'badStatus' },
      { field: 'channel', problem: 'badChannel' },
    ]);
    expect(query.channels).toEqual([]);
    expect(query.day).toBe('2026-03-09');
    expect(parse('to=2026-03-11').errors).toEqual([]);
    expect(parse('from=2021-03-01&to=2026-03-01').errors).toEqual([{ field: 'from', problem: 'rangeTooLong' }]);
    expect(parse('from=2021-03-02&to=2026-03-01').errors).toEqual([]);
  });
});
