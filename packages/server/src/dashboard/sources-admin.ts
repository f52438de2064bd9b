/**
 * The dashboard's sources as admins manage them (staff API; the back office
 * may call the same): which sources a scope sees, a source's settings, its
 * areas and a rebuild. A local source (`local:JURISDICTION`) is its
 * jurisdiction's admins' (404 outside their scope, so ids tell nothing); an
 * endpoint source (`endpoint:SLUG`, a registry endpoint harvested here) is
 * global admins' only. Each change is audited here.
 */
import { badRequest, forbidden, notFound } from '@o311/georeport';
import {
  DASHBOARD_SOURCE_KINDS, GLOBAL_SCOPE, inScope, type DashboardAreaShape, type DashboardSource, type DashboardSourceKind,
  type JurisdictionScope,
} from '@o311/store';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import type { StaffActor } from '../services/staff-actor.js';
import { forgetAreas } from './area-index.js';
import { areasFromGeoJson } from './areas-geojson.js';
import { areasFromRegistry } from './areas-registry.js';
import { queueRebuild } from './sync.js';

export const MAX_AREA_LABEL = 60;

export interface SourceSettings {
  enabled?: boolean;
  area_label?: string | null;
  /** Endpoint sources: the IANA zone of their calendar days (default UTC when created). */
  timezone?: string;
}

const REGISTRY_REFUSALS = {
  'no-endpoint': 'The source has no endpoint in the registry, so the registry has no areas for it.',
  'no-boundary': "The source's registry endpoint has no boundary, so the registry has no areas for it.",
  'no-areas': "The registry has no boundaries of a lower tier inside the source's boundary.",
} as const;

function parseId(id: string): { kind: DashboardSourceKind; ref: string } {
  const colon = id.indexOf(':');
  const kind = DASHBOARD_SOURCE_KINDS.find((k) => k === id.slice(0, colon));
  const ref = id.slice(colon + 1);
  if (colon < 0 || !kind || ref === '' || ref.length > 200) throw notFound(`dashboard source '${id.slice(0, 200)}' does not exist.`);
  return { kind, ref };
}

/** The sources the scope may see: local ones within it, and endpoint ones for global scopes. */
export async function listSources(ctx: ServiceContext, scope: JurisdictionScope): Promise<DashboardSource[]> {
  const all = await ctx.store.dashboard.listSources();
  return all.filter((s) => (s.kind === 'local' ? inScope(scope, s.ref) : scope === GLOBAL_SCOPE));
}

/** What the source is of, checked against the scope: 404 for a local one outside it, 403 for an endpoint one. */
async function reach(ctx: ServiceContext, scope: JurisdictionScope, id: string) {
  const { kind, ref } = parseId(id);
  if (kind === 'local') {
    const jurisdiction = inScope(scope, ref) ? await ctx.store.getJurisdiction(ref) : undefined;
    if (!jurisdiction) throw notFound(`dashboard source '${id}' does not exist.`);
    return { kind, ref, name: jurisdiction.name, timezone: jurisdiction.timezone };
  }
  if (scope !== GLOBAL_SCOPE) throw forbidden('Only a global admin may manage the dashboard of a registry endpoint.');
  const endpoint = await ctx.store.getEndpoint(ref);
  if (!endpoint) throw notFound(`endpoint '${ref}' is not in the registry.`);
  return { kind, ref, name: endpoint.name, timezone: 'UTC' };
}

function validZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export async function getSource(ctx: ServiceContext, scope: JurisdictionScope, id: string): Promise<DashboardSource> {
  await reach(ctx, scope, id);
  const source = await ctx.store.dashboard.getSource(id);
  if (!source) throw notFound(`dashboard source '${id}' does not exist.`);
  return source;
}

/** Creates the source when missing (an endpoint one: harvested from now), else changes the settings given. */
export async function saveSourceSettings(
  ctx: ServiceContext, actor: StaffActor, id: string, settings: SourceSettings,
): Promise<DashboardSource> {
  const target = await reach(ctx, actor.scope, id);
  const problems: string[] = [];
  const label = settings.area_label === undefined ? undefined : settings.area_label?.trim() || null;
  if (label && (label.length > MAX_AREA_LABEL || /[\u0000-\u001f]/.test(label))) problems.push(`area_label: at most ${MAX_AREA_LABEL} characters, no control characters.`);
  if (settings.timezone !== undefined && (target.kind === 'local' || !validZone(settings.timezone))) {
    problems.push(target.kind === 'local' ? "timezone: a local source counts in its jurisdiction's timezone." : `timezone: '${settings.timezone.slice(0, 64)}' is not an IANA zone.`);
  }
  if (problems.length > 0) throw badRequest(...problems);
  const before = await ctx.store.dashboard.getSource(id);
  const saved = await ctx.store.dashboard.saveSource(
    {
      kind: target.kind, ref: target.ref, name: before?.name ?? target.name,
      timezone: settings.timezone ?? before?.timezone ?? target.timezone,
      ...(settings.enabled === undefined ? {} : { enabled: settings.enabled }),
      ...(label === undefined ? {} : { area_label: label }),
    },
    ctx.now(),
  );
  // A local source left out of the sync while disabled, or one counted in another zone, is made again.
  const stale = before !== undefined && ((!before.enabled && saved.enabled && saved.kind === 'local') || before.timezone !== saved.timezone);
  if (before === undefined ? saved.kind === 'local' : stale) await queueRebuild(ctx, id);
  await recordAudit(ctx, actor, {
    action: before ? 'dashboard.source.update' : 'dashboard.source.create',
    jurisdiction_id: saved.kind === 'local' ? saved.ref : null,
    details: { source: id, enabled: saved.enabled, area_label: saved.area_label, timezone: saved.timezone },
  });
  return saved;
}

async function setAreas(ctx: ServiceContext, actor: StaffActor, source: DashboardSource, areas: DashboardAreaShape[], from: string) {
  await ctx.store.dashboard.setAreas(source.id, areas);
  forgetAreas(ctx.store, source.id);
  await queueRebuild(ctx, source.id);
  await recordAudit(ctx, actor, {
    action: 'dashboard.source.areas',
    jurisdiction_id: source.kind === 'local' ? source.ref : null,
    details: { source: source.id, from, areas: areas.length },
  });
  return ctx.store.dashboard.listAreas(source.id);
}

/** Sets the areas from an uploaded FeatureCollection (400 with every problem) and queues a rebuild. */
export async function setAreasFromFile(ctx: ServiceContext, actor: StaffActor, id: string, body: unknown, nameProperty?: string) {
  const source = await getSource(ctx, actor.scope, id);
  const parsed = areasFromGeoJson(body, nameProperty);
  if (!parsed.ok) throw badRequest(...parsed.problems);
  return setAreas(ctx, actor, source, parsed.areas, 'file');
}

/** Sets the areas from the registry's boundaries inside the source's (400 when it has none) and queues a rebuild. */
export async function setAreasFromRegistry(ctx: ServiceContext, actor: StaffActor, id: string) {
  const source = await getSource(ctx, actor.scope, id);
  const found = await areasFromRegistry(ctx.store, source);
  if (!found.ok) throw badRequest(REGISTRY_REFUSALS[found.reason]);
  return setAreas(ctx, actor, source, found.areas, 'registry');
}

export async function rebuildNow(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const source = await getSource(ctx, actor.scope, id);
  await queueRebuild(ctx, source.id);
  await recordAudit(ctx, actor, { action: 'dashboard.source.rebuild', jurisdiction_id: source.kind === 'local' ? source.ref : null, details: { source: id } });
}

