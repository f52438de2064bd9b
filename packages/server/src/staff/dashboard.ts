/**
 * Staff: the dashboard's sources (issue 13): list those within the token's
 * scope, change a source's settings (creating an endpoint source starts
 * harvesting that registry endpoint: global admins only), set its areas from
 * an uploaded GeoJSON FeatureCollection (application/json or
 * application/geo+json) or from the registry, and rebuild it.
 * The rules and the audit are in dashboard/sources-admin.ts.
 */
import { Type, type TSchema } from 'typebox';
import { DASHBOARD_SOURCE_KINDS, type DashboardSource } from '@o311/store';
import { optionalDateTime, requiredDateTime } from '../projection/published-date.js';
import { AREA_LIMITS, NAME_PROPERTIES } from '../dashboard/areas-geojson.js';
import {
  MAX_AREA_LABEL, listSources, rebuildNow, saveSourceSettings, setAreasFromFile, setAreasFromRegistry,
} from '../dashboard/sources-admin.js';
import { harvestNow } from '../dashboard/harvest-now.js';
import type { ServiceContext } from '../services/context.js';
import { apiActorOf } from './actor.js';
import { requirePermission, scopeOf } from './auth.js';
import { STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const SourceParams = Type.Object({
  id: Type.String({ minLength: 3, maxLength: 220, description: '`local:JURISDICTION_ID` or `endpoint:REGISTRY_SLUG`.' }),
});

const Harvest = Type.Object({
  last_run_datetime: nullable(Type.String()),
  last_success_datetime: nullable(Type.String()),
  last_error: nullable(Type.String()),
  next_run_datetime: Type.String(),
  requests_seen: Type.Integer(),
});

const Source = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...DASHBOARD_SOURCE_KINDS], { description: '`local`: a jurisdiction of this server, kept in step with its requests. `endpoint`: a registry endpoint, harvested.' }),
  ref: Type.String({ description: 'The jurisdiction id or the registry slug.' }),
  name: Type.String(),
  timezone: Type.String({ description: 'The IANA zone whose calendar days the dashboard counts in.' }),
  enabled: Type.Boolean(),
  area_label: nullable(Type.String({ description: 'What the areas are called on the dashboard; null: "Area".' })),
  requests: Type.Integer({ description: 'Requests in the dashboard.' }),
  synced_datetime: nullable(Type.String()),
  created_datetime: Type.String(),
  harvest: nullable(Harvest),
});

const SourceBody = Type.Object({
  enabled: Type.Optional(Type.Boolean()),
  area_label: Type.Optional(nullable(Type.String({ maxLength: MAX_AREA_LABEL }))),
  timezone: Type.Optional(Type.String({ maxLength: 64, description: 'Endpoint sources only (default UTC): the zone of their calendar days.' })),
}, { additionalProperties: false });

const AreasBody = Type.Object({
  type: Type.Optional(Type.Literal('FeatureCollection')),
  features: Type.Optional(Type.Array(Type.Unknown(), { maxItems: AREA_LIMITS.features, description: 'Polygon or MultiPolygon features.' })),
  from: Type.Optional(Type.Literal('registry', { description: "Instead of a file: the registry's boundaries of a lower tier inside the source's boundary." })),
}, {
  description: `A GeoJSON FeatureCollection (at most ${AREA_LIMITS.bytes / 1024 / 1024} MB, ${AREA_LIMITS.features} features, ${AREA_LIMITS.vertices} vertices), or {"from": "registry"}.`,
});

const AreasQuery = Type.Object({
  name_property: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: `The feature property naming each area; default the first of ${NAME_PROPERTIES.slice(0, 4).join(', ')}, … it has.` })),
});

const Areas = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));

const toWire = (s: DashboardSource) => ({
  id: s.id,
  kind: s.kind,
  ref: s.ref,
  name: s.name,
  timezone: s.timezone,
  enabled: s.enabled,
  area_label: s.area_label,
  requests: s.requests,
  synced_datetime: optionalDateTime(s.synced_at, 'UTC'),
  created_datetime: requiredDateTime(s.created_at, 'UTC'),
  harvest: s.harvest && {
    last_run_datetime: optionalDateTime(s.harvest.last_run_at, 'UTC'),
    last_success_datetime: optionalDateTime(s.harvest.last_success_at, 'UTC'),
    last_error: s.harvest.last_error,
    next_run_datetime: requiredDateTime(s.harvest.next_run_at, 'UTC'),
    requests_seen: s.harvest.requests_seen,
  },
});

/** GeoJSON's own media type (RFC 7946), as GIS tools upload it: read as JSON. */
const GEOJSON_TYPE = 'application/geo+json';

export function dashboardRoutes(app: StaffApp, ctx: ServiceContext): void {
  if (!app.hasContentTypeParser(GEOJSON_TYPE)) {
    app.addContentTypeParser(GEOJSON_TYPE, { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  }
  const read = requirePermission(ctx.store, 'read');
  const admin = requirePermission(ctx.store, 'admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const path = '/dashboard/sources/:id';

  app.get('/dashboard/sources', {
    onRequest: read,
    schema: { ...base, summary: "The dashboard's sources within the token's scope (registry endpoints: global scopes only)", response: { 200: Type.Array(Source), ...staffErrors(401, 403) } },
  }, async (request) => (await listSources(ctx, scopeOf(request))).map(toWire));

  app.put(path, {
    onRequest: admin,
    schema: { ...base, summary: "Change a dashboard source's settings; creates it when missing (an endpoint source: global admins only, harvested from then on)", params: SourceParams, body: SourceBody, response: { 200: Source, ...staffErrors(400, 401, 403, 404) } },
  }, async (request) => toWire(await saveSourceSettings(ctx, apiActorOf(request), request.params.id, request.body)));

  app.put(`${path}/areas`, {
    onRequest: admin,
    bodyLimit: AREA_LIMITS.bytes,
    schema: { ...base, summary: "Set a dashboard source's areas (neighbourhoods) from a GeoJSON file or the registry; the source is rebuilt", params: SourceParams, querystring: AreasQuery, body: AreasBody, response: { 200: Areas, ...staffErrors(400, 401, 403, 404) } },
  }, async (request) => {
    const actor = apiActorOf(request);
    return request.body.from === 'registry'
      ? setAreasFromRegistry(ctx, actor, request.params.id)
      : setAreasFromFile(ctx, actor, request.params.id, request.body, request.query.name_property);
  });

  app.post(`${path}/rebuild`, {
    onRequest: admin,
    schema: { ...base, summary: "Rebuild a dashboard source's figures from its requests (queued)", params: SourceParams, response: { 202: Type.Null({ description: 'Queued.' }), ...staffErrors(401, 403, 404) } },
  }, async (request, reply) => {
    await rebuildNow(ctx, apiActorOf(request), request.params.id);
    return reply.code(202).send(null);
  });

  app.post(`${path}/harvest`, {
    onRequest: admin,
    schema: {
      ...base,
      summary: "Harvest an endpoint source's requests now instead of at its next due time (queued)",
      params: SourceParams,
      response: {
        202: Type.Object({ queued: Type.Boolean({ description: 'False when a harvest of the source was already waiting or running.' }) }),
        ...staffErrors(401, 403, 404, 409),
      },
    },
  }, async (request, reply) => reply.code(202).send({ queued: await harvestNow(ctx, apiActorOf(request), request.params.id) }));
}
