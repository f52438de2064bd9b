/** A request of this server as a dashboard fact: its public fields only, with its service group and area. */
import { EXTENDED_STATUSES } from '@o311/georeport';
import type { DashboardFact, PublicStoredRequest, Store } from '@o311/store';
import type { AreaLocator } from './area-index.js';

/** Service groups by code, read once per jurisdiction and sync or rebuild. */
export class ServiceGroups {
  readonly #byJurisdiction = new Map<string, Promise<Map<string, string | null>>>();

  constructor(private readonly store: Store) {}

  of(jurisdictionId: string): Promise<Map<string, string | null>> {
    let groups = this.#byJurisdiction.get(jurisdictionId);
    if (!groups) {
      groups = this.store
        .listServices(jurisdictionId, { includeInactive: true })
        .then((list) => new Map(list.map((s) => [s.service_code, s.group])));
      this.#byJurisdiction.set(jurisdictionId, groups);
    }
    return groups;
  }
}

/** A local request's close time is its last update while closed (requests keep no separate close time). */
export function requestFact(r: PublicStoredRequest, groups: Map<string, string | null>, areas: AreaLocator): DashboardFact {
  const status = EXTENDED_STATUSES[r.status];
  return {
    request_id: r.id,
    service_code: r.service_code,
    service_name: r.service_name,
    service_group: groups.get(r.service_code) ?? null,
    area_id: areas.areaOf(r.lat, r.long),
    status,
    detailed_status: r.status,
    requested_at: r.requested_at,
    updated_at: r.updated_at,
    closed_at: status === 'closed' ? r.updated_at : null,
    expected_at: r.expected_at,
    lat: r.lat,
    long: r.long,
    address: r.address,
    description: r.description,
  };
}
