/**
 * Staff: the monitor's part of the registry (global admins: the registry
 * spans every jurisdiction), the same actions as the back office's endpoint
 * page: where the endpoint stands, its interval, pause, mail alerts and
 * webhook (the secret write-only: the answer says only whether one is set),
 * and "poll now".
 */
import { Type } from 'typebox';
import { MAX_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S, MONITOR_STATES, POLL_ERROR_KINDS } from '@o311/store';
import { optionalDateTime, requiredDateTime } from '../projection/published-date.js';
import { monitorStatus, pollNow, saveMonitorSettings, type MonitorStatus } from '../registry-admin/monitor-admin.js';
import { MAX_WEBHOOK_SECRET } from '../monitor/webhook-secret.js';
import type { ServiceContext } from '../services/context.js';
import { apiActorOf } from './actor.js';
import { requirePermission } from './auth.js';
import { STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 64 }) });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const MAIL_ALERTS = 'Mail the registry contact_email when the endpoint goes down, comes back or its score drops. Off unless turned on; no mail while the endpoint has no contact_email.';

const Monitor = Type.Object({
  state: Type.Enum([...MONITOR_STATES], { description: '`down` only while an incident is open.' }),
  state_datetime: nullable(Type.String({ description: 'When the state last changed.' })),
  consecutive_failures: Type.Integer(),
  interval_s: Type.Integer(),
  paused: Type.Boolean(),
  mail_alerts: Type.Boolean({ description: MAIL_ALERTS }),
  webhook_url: nullable(Type.String()),
  webhook_secret_set: Type.Boolean({ description: 'The secret itself is never shown.' }),
  can_store_secret: Type.Boolean({ description: 'False when the server runs without O311_ROUTER_SECRET: no webhook secret can be set.' }),
  next_poll_datetime: Type.String(),
  last_poll_datetime: nullable(Type.String()),
  last_ok: nullable(Type.Boolean()),
  last_error_kind: nullable(Type.Enum([...POLL_ERROR_KINDS])),
  last_latency_ms: nullable(Type.Number()),
});

const MonitorBody = Type.Object({
  interval_s: Type.Integer({ minimum: MIN_POLL_INTERVAL_S, maximum: MAX_POLL_INTERVAL_S, description: 'Seconds between polls.' }),
  paused: Type.Boolean(),
  mail_alerts: Type.Boolean({ description: MAIL_ALERTS }),
  webhook_url: nullable(Type.String({ maxLength: 2048, description: 'Where alerts are POSTed, signed (X-O311-Signature); null: no webhook.' })),
  webhook_secret: Type.Optional(nullable(Type.String({ maxLength: MAX_WEBHOOK_SECRET, description: 'The signing secret; absent keeps the one set, null removes it.' }))),
}, { additionalProperties: false });

const toWire = (s: MonitorStatus) => {
  const t = s.target;
  return {
    state: t.state,
    state_datetime: optionalDateTime(t.state_since, 'UTC'),
    consecutive_failures: t.consecutive_failures,
    interval_s: t.interval_s,
    paused: t.paused,
    mail_alerts: t.mail_alerts,
    webhook_url: t.webhook_url,
    webhook_secret_set: s.secretSet,
    can_store_secret: s.canStoreSecret,
    next_poll_datetime: requiredDateTime(t.next_poll_at, 'UTC'),
    last_poll_datetime: optionalDateTime(t.last_poll_at, 'UTC'),
    last_ok: t.last_ok,
    last_error_kind: t.last_error_kind,
    last_latency_ms: t.last_latency_ms,
  };
};

export function monitorRoutes(app: StaffApp, ctx: ServiceContext): void {
  const globalAdmin = requirePermission(ctx.store, 'global-admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };
  const path = '/registry/endpoints/:slug/monitor';

  app.get(path, {
    onRequest: globalAdmin,
    schema: { ...base, summary: "The endpoint's monitor: state, last poll and settings (never the webhook secret)", params: SlugParams, response: { 200: Monitor, ...staffErrors(401, 403, 404) } },
  }, async (request) => toWire(await monitorStatus(ctx, request.params.slug)));

  app.put(path, {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Set how the endpoint is monitored: interval, pause, mail alerts, alert webhook', params: SlugParams, body: MonitorBody, response: { 200: Monitor, ...staffErrors(400, 401, 403, 404, 409) } },
  }, async (request) => toWire(await saveMonitorSettings(ctx, apiActorOf(request), request.params.slug, request.body)));

  app.post(`${path}/poll`, {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'Poll the endpoint now (by the next minute of a monitor process)', params: SlugParams, response: { 204: Type.Null({ description: 'Due now.' }), ...staffErrors(401, 403, 404) } },
  }, async (request, reply) => {
    await pollNow(ctx, apiActorOf(request), request.params.slug);
    return reply.code(204).send(null);
  });
}
