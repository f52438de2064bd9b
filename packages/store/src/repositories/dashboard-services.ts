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
  const { rows } = await sql<{ service_code: string }>`
    with recursive codes(service_code, n) as (
      select min(service_code), 1 from dashboard_facts where source_id = ${source_id}
      union all
      select (select min(f.service_code) from dashboard_facts f where f.source_id = ${source_id} and f.service_code > codes.service_code), n + 1
      from codes where codes.service_code is not null and n < ${MAX_SERVICES}
    )
    select service_code from codes where service_code is not null`.execute(db);
  const services: DashboardService[] = [];
  for (const { service_code } of rows) {
    // The newest fact's name and group: an endpoint may have renamed the service.
    const newest = await db
      .selectFrom('dashboard_facts')
      .select(['service_name', 'service_group'])
      .where('source_id', '=', source_id)
      .where('service_code', '=', service_code)
      .orderBy('requested_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    services.push({ service_code, service_name: newest?.service_name || service_code, service_group: newest?.service_group ?? null });
  }
  return services;
}
