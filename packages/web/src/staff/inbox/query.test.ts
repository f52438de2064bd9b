import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY, filterSearch, isFiltered, parseInboxQuery, queryHref, savedFilterHref, savedSearch, toSearchParams,
} from './query.js';

const parse = (s: string) => parseInboxQuery(new URLSearchParams(s));

describe('inbox query', () => {
  it('reads every filter and writes it back the same', () => {
    const search = 'status=closed&status=in_progress&service=POTHOLE&group=Streets&from=2026-01-01&to=2026-01-31&department=d1'
      + '&agent=u1&unassigned=1&priority=high&priority=urgent&channel=phone&channel=sms&q=elm+street&sort=priority&dir=asc&page=3';
    const q = parse(search);
    expect(q).toEqual({
      statuses: ['closed', 'in_progress'], services: ['POTHOLE'], group: 'Streets', from: '2026-01-01', to: '2026-01-31',
      department: 'd1', agent: 'u1', unassigned: true, priorities: ['high', 'urgent'], channels: ['phone', 'sms'], text: 'elm street',
      sort: 'priority', direction: 'asc', page: 3,
    });
    expect(toSearchParams(q).toString()).toBe(search);
  });

  it('drops what it does not know and leaves defaults out', () => {
    const q = parse('status=teleported&status=open&status=open&priority=meh&channel=pigeon&from=yesterday&sort=random&dir=sideways&page=-2&x=1');
    expect(q).toEqual({ ...DEFAULT_QUERY, statuses: ['open'] });
    expect(toSearchParams(DEFAULT_QUERY).toString()).toBe('');
    expect(queryHref('/staff', DEFAULT_QUERY)).toBe('/staff');
  });

  it('opens on open requests; `status=all` (kept in URLs and saved filters) shows every status', () => {
    expect(parse('').statuses).toEqual(['open']);
    expect(parse('status=open')).toEqual(parse(''));
    expect(parse('status=teleported').statuses).toEqual(['open']);
    const all = parse('status=all&status=closed&service=POTHOLE');
    expect(all.statuses).toEqual([]);
    expect(filterSearch(all)).toBe('status=all&service=POTHOLE');
    expect(parse(filterSearch(all))).toEqual(all);
    expect(queryHref('/staff', DEFAULT_QUERY, { statuses: [] })).toBe('/staff?status=all');
    expect(toSearchParams(parse('status=open&status=closed')).toString()).toBe('status=open&status=closed');
  });

  it('names the statuses in saved filters; one saved without a status (before the open default) means every status', () => {
    expect(savedSearch(parse(''))).toBe('status=open');
    expect(savedSearch(parse('priority=high&page=2'))).toBe('status=open&priority=high');
    expect(savedSearch(parse('status=all'))).toBe('status=all');
    expect(savedSearch(parse('status=closed'))).toBe('status=closed');
    expect(savedFilterHref('status=open&priority=high')).toBe('/staff?status=open&priority=high');
    expect(savedFilterHref('priority=high')).toBe('/staff?priority=high&status=all');
    expect(savedFilterHref('')).toBe('/staff?status=all');
  });

  it('keeps filters and sort but not the page in saved filters', () => {
    const q = parse('status=closed&sort=updated_at&dir=desc&page=4');
    expect(filterSearch(q)).toBe('status=closed&sort=updated_at&dir=desc');
    expect(isFiltered(q)).toBe(true);
    expect(isFiltered(parse('sort=updated_at&page=2'))).toBe(false);
  });
});
