/**
 * The services a source's facts name, for the filters of a harvested endpoint
 * (whose service list the store does not keep). One index step per service
 * (a loose scan of dashboard_facts_by_service), never a walk of every fact.
 */
import { sql } from 'kysely';
import type { DashboardService } from '../dashboard.js';
import type { Db } from './shared.js';

/** More than any real service list: the scan stops there. */
const MAX_SERVICES = 1_000;

export async function serviceNames(db: Db, source_id: string): Promise<DashboardService[]> {
  // The newest fact's name and group (an endpoint may have renamed the service), in the same round trip.
  const newest = (column: 'service_name' | 'service_group') => sql.raw(`(select f.${column} from dashboard_facts f
      where f.source_id = codes.source_id and f.service_code = codes.service_code order by f.requested_at desc limit 1)`);
  const { rows } = await sql<{ service_code: string; service_name: string | null; service_group: string | null }>`
    with recursive codes(source_id, service_code, n) as (
      select ${source_id}, min(service_code), 1 from dashboard_facts where source_id = ${source_id}
      union all
      select codes.source_id, (select min(f.service_code) from dashboard_facts f where f.source_id = codes.source_id and f.service_code > codes.service_code), n + 1
      from codes where codes.service_code is not null and n < ${MAX_SERVICES}
    )
    select service_code, ${newest('service_name')} as service_name, ${newest('service_group')} as service_group
    from codes where service_code is not null order by service_code`.execute(db);
  return rows.map((r) => ({ service_code: r.service_code, service_name: r.service_name || r.service_code, service_group: r.service_group }));
}
