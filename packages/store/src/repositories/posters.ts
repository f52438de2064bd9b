/** Which API keys post requests of a service (the services editor's warning about resending clients). */
import type { Db } from './shared.js';

export async function postersOf(
  db: Db,
  jurisdiction_id: string,
  service_code: string,
  since: number,
): Promise<{ api_key_id: string; requests: number }[]> {
  const rows = await db
    .selectFrom('requests')
    .select((eb) => ['api_key_id', eb.fn.countAll<number | string>().as('requests')])
    .where('jurisdiction_id', '=', jurisdiction_id)
    .where('service_code', '=', service_code)
    .where('requested_at', '>=', since)
    .where('api_key_id', 'is not', null)
    .groupBy('api_key_id')
    .execute();
  return rows
    .map((r) => ({ api_key_id: r.api_key_id as string, requests: Number(r.requests) }))
    .sort((a, b) => b.requests - a.requests || a.api_key_id.localeCompare(b.api_key_id));
}
