/**
 * "Harvest now" for an endpoint source (global admins, as every endpoint
 * source): its `dashboard.harvest` job queued at once instead of at its next
 * due time, with the tick's options, so that one harvest per source is ever
 * pending. Audited here.
 */
import { conflict } from '@o311/georeport';
import { JOB, type DashboardSourceData } from '../jobs/job-names.js';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import type { StaffActor } from '../services/staff-actor.js';
import { dashboardHarvestOptions } from './harvest-options.js';
import { getSource } from './sources-admin.js';

/** False when a harvest of the source is already pending (or running). 409 for a local or disabled source. */
export async function harvestNow(ctx: ServiceContext, actor: StaffActor, id: string): Promise<boolean> {
  const source = await getSource(ctx, actor.scope, id);
  if (source.kind !== 'endpoint') throw conflict(`dashboard source '${id}' is kept in step with this server's requests; it is not harvested.`);
  if (!source.enabled) throw conflict(`dashboard source '${id}' is disabled: enable it to harvest it.`);
  const data: DashboardSourceData = { sourceId: source.id };
  const queued = (await ctx.jobs.enqueue(JOB.dashboardHarvest, data, dashboardHarvestOptions(data))) !== undefined;
  await recordAudit(ctx, actor, { action: 'dashboard.source.harvest', jurisdiction_id: null, details: { source: id, queued } });
  return queued;
}
