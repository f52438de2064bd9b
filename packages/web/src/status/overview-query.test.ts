import { describe, expect, it } from 'vitest';
import { overviewSearch, parseOverviewQuery } from './overview-query.js';

describe('the overview query', () => {
  it('reads filters, sorting and the page, ignoring values that are no choice', () => {
    expect(parseOverviewQuery({ country: 'fr ', tier: 'county', status: 'down', sort: 'p95', dir: 'desc', page: '3' })).toEqual({
      country: 'FR', tier: 'county', state: 'down', sort: 'p95', direction: 'desc', page: 3,
    });
    expect(parseOverviewQuery({ country: 'France', tier: 'planet', status: 'sideways', sort: 'rowid', dir: 'up', page: '-4' })).toEqual({
      sort: 'name', direction: 'asc', page: 1,
    });
    expect(parseOverviewQuery({ page: '99999999' }).page).toBe(1_000);
    expect(parseOverviewQuery(undefined)).toEqual({ sort: 'name', direction: 'asc', page: 1 });
  });

  it('writes links that keep the query, leaving defaults out', () => {
    const q = parseOverviewQuery({ country: 'US', sort: 'score', dir: 'desc', page: '2' });
    expect(overviewSearch(q)).toBe('?country=US&sort=score&dir=desc&page=2');
    expect(overviewSearch(q, { sort: 'name', direction: 'asc', page: 1 })).toBe('?country=US');
    expect(overviewSearch(parseOverviewQuery({}))).toBe('');
    expect(parseOverviewQuery(Object.fromEntries(new URLSearchParams(overviewSearch(q).slice(1))))).toEqual(q);
  });
});
