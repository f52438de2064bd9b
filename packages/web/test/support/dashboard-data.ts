/**
 * A dashboard source with known facts, for the dashboard's HTTP tests: a
 * harvested endpoint `endpoint:testcity` (UTC days) with two square areas
 * (north, south) and requests on days around TODAY whose counts each test can
 * work out from FACTS.
 */
import type { DashboardAreaShape, DashboardFact, Store } from '@o311/store';

export const SOURCE_ID = 'endpoint:testcity';
export const PAGE = '/dashboard/endpoint/testcity';
/** Noon UTC on a Wednesday. */
export const NOW = Date.UTC(2026, 2, 11, 12);
export const TODAY = '2026-03-11';
export const YESTERDAY = '2026-03-10';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const square = (id: string, name: string, south: number): DashboardAreaShape => ({
  id, name, geometry: [[[[0, south], [1, south], [1, south + 1], [0, south + 1], [0, south]]]],
});
export const AREAS = [square('north', 'North End', 1), square('south', 'South Side', 0)];

function fact(n: number, o: { service: string; area: 'north' | 'south' | null; daysAgo: number; closedAfterHours?: number }): DashboardFact {
  const requested = NOW - o.daysAgo * DAY - HOUR;
  const closed = o.closedAfterHours === undefined ? null : requested + o.closedAfterHours * HOUR;
  const lat = o.area === 'north' ? 1.5 : o.area === 'south' ? 0.5 : null;
  return {
    request_id: `r${n}`,
    service_code: o.service,
    service_name: o.service === 'pothole' ? 'Pothole' : 'Graffiti',
    service_group: o.service === 'pothole' ? 'Streets' : 'Cleaning',
    area_id: o.area,
    status: closed === null ? 'open' : 'closed',
    detailed_status: closed === null ? 'open' : 'closed',
    requested_at: requested,
    updated_at: closed ?? requested,
    closed_at: closed,
    expected_at: null,
    lat,
    long: lat === null ? null : 0.5,
    address: `${n} Main St`,
    description: n === 3 ? '=HYPERLINK("x") test, with "quotes"' : `Request ${n}`,
  };
}

/** Yesterday: 3 potholes (north, one closed after 2 h) and 1 graffiti (south); a week before: 1 pothole; 20 days ago: 2 graffiti (closed after 30 h). */
export const FACTS: DashboardFact[] = [
  fact(1, { service: 'pothole', area: 'north', daysAgo: 1 }),
  fact(2, { service: 'pothole', area: 'north', daysAgo: 1, closedAfterHours: 2 }),
  fact(3, { service: 'pothole', area: 'north', daysAgo: 1 }),
  fact(4, { service: 'graffiti', area: 'south', daysAgo: 1 }),
  fact(5, { service: 'pothole', area: 'south', daysAgo: 8 }),
  fact(6, { service: 'graffiti', area: 'south', daysAgo: 20, closedAfterHours: 30 }),
  fact(7, { service: 'graffiti', area: null, daysAgo: 20, closedAfterHours: 30 }),
];

export async function seedDashboardSource(store: Store): Promise<void> {
  await store.dashboard.saveSource({ kind: 'endpoint', ref: 'testcity', name: 'Test City', timezone: 'UTC' }, NOW);
  await store.dashboard.setAreas(SOURCE_ID, AREAS);
  await store.dashboard.putFacts(SOURCE_ID, FACTS, NOW);
  await store.dashboard.saveSource({ kind: 'endpoint', ref: 'hidden', name: 'Hidden', timezone: 'UTC', enabled: false }, NOW);
}
