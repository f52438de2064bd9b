/**
 * Every jurisdiction of this server (never the sandbox, whose requests are
 * test data) has a dashboard source `local:ID`, made when the dashboard first
 * syncs after the jurisdiction appeared, named after it, enabled, counting in
 * its timezone. A source never synced (a rebuild marks it synced, even
 * with no requests) and not being rebuilt is rebuilt.
 */
import { sourceId, type DashboardSource } from '@o311/store';
import { SANDBOX_ID } from '../sandbox/sandbox.js';
import type { ServiceContext } from '../services/context.js';

export interface LocalSources {
  /** By jurisdiction id. */
  byJurisdiction: Map<string, DashboardSource>;
  /** Made by this call, or never synced (made elsewhere, e.g. by the demo's seed): they need a full rebuild. */
  created: DashboardSource[];
}

const isSandbox = (ctx: ServiceContext, id: string): boolean => id === SANDBOX_ID || id === ctx.sandbox?.jurisdictionId;

export async function localSources(ctx: ServiceContext): Promise<LocalSources> {
  const [jurisdictions, sources] = await Promise.all([ctx.store.listJurisdictions(), ctx.store.dashboard.listSources()]);
  const known = new Map(sources.filter((s) => s.kind === 'local').map((s) => [s.ref, s]));
  const byJurisdiction = new Map<string, DashboardSource>();
  const created: DashboardSource[] = [];
  for (const j of jurisdictions) {
    if (isSandbox(ctx, j.id)) continue;
    let source = known.get(j.id);
    if (!source) source = await ctx.store.dashboard.saveSource({ kind: 'local', ref: j.id, name: j.name, timezone: j.timezone }, ctx.now());
    // One being rebuilt is on its way (its rebuild marks it synced when done).
    if (source.synced_at === null && !source.rebuilding) created.push(source);
    byJurisdiction.set(j.id, source);
  }
  return { byJurisdiction, created };
}

export const localSourceId = (jurisdictionId: string): string => sourceId('local', jurisdictionId);
