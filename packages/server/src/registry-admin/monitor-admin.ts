/**
 * The monitor's part of the registry admin (global admins only, the callers'
 * guard), for the back office and the staff API alike: where an endpoint
 * stands, how it is watched (interval, paused, mail alerts, webhook URL) and
 * its webhook secret, which is sealed like upstream keys and never shown again (only
 * whether one is set); "poll now" makes it due at once (the next minute's
 * tick polls it). A webhook URL naming a private address is refused unless the
 * server allows private endpoints. Each change is audited here; a secret never is.
 */
import { badRequest, conflict, notFound, type Open311Failure } from '@o311/georeport';
import {
  MAX_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S, type Endpoint, type MonitorSettings, type MonitorTarget,
} from '@o311/store';
import { NO_SECRET_MESSAGE } from '@o311/router';
import { recordAudit } from '../services/audit.js';
import type { ServiceContext } from '../services/context.js';
import type { StaffActor } from '../services/staff-actor.js';
import { sealWebhookSecret, webhookSecretProblem } from '../monitor/webhook-secret.js';
import { webhookAddressProblem } from '../services/outbound-address.js';

const MAX_URL = 2048;

const unknownEndpoint = (slug: string): Open311Failure => notFound(`endpoint '${slug}' does not exist.`);

/** An endpoint's monitor as admins see it: never the secret. */
export interface MonitorStatus {
  target: Omit<MonitorTarget, 'webhook_secret_sealed'>;
  /** A webhook secret is set. */
  secretSet: boolean;
  /** The server can seal secrets (it has O311_ROUTER_SECRET). */
  canStoreSecret: boolean;
  /** Where mail alerts go: the registry's contact_email (null: none, so none are mailed). */
  contactEmail: string | null;
}

/** What an admin sets; `webhook_secret` absent keeps the one set, null (or empty) removes it. */
export interface MonitorSettingsInput {
  interval_s: number;
  paused: boolean;
  mail_alerts: boolean;
  webhook_url: string | null;
  webhook_secret?: string | null;
}

/** The endpoint and its target, made now when the monitor has not met it yet; 404 unknown (or retired). */
async function targetOf(ctx: ServiceContext, slug: string): Promise<{ endpoint: Endpoint; target: MonitorTarget }> {
  const endpoint = await ctx.store.getEndpoint(slug);
  if (!endpoint) throw unknownEndpoint(slug);
  let target = await ctx.store.monitor.getTarget(slug);
  if (!target) {
    await ctx.store.monitor.syncTargets(ctx.now());
    target = await ctx.store.monitor.getTarget(slug);
  }
  if (!target) throw notFound(`endpoint '${slug}' is retired: the monitor does not watch it.`);
  return { endpoint, target };
}

export async function monitorStatus(ctx: ServiceContext, slug: string): Promise<MonitorStatus> {
  const { endpoint, target: { webhook_secret_sealed: sealed, ...target } } = await targetOf(ctx, slug);
  return { target, secretSet: sealed !== null, canStoreSecret: ctx.routerCredentials !== undefined, contactEmail: endpoint.contact_email };
}

function webhookUrl(value: string | null, allowPrivate: boolean, problems: string[]): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (text.length <= MAX_URL) {
    try {
      const url = new URL(text);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '') {
        const problem = webhookAddressProblem(url, allowPrivate);
        if (problem === undefined) return url.href;
        problems.push(`webhook_url: ${problem}`);
        return null;
      }
    } catch {
      // Reported below.
    }
  }
  problems.push(`webhook_url: an absolute http(s) URL of at most ${MAX_URL} characters, without a user name or password.`);
  return null;
}

/** Checks and saves the settings; 400 naming every problem, 409 for a secret without the server's secret. */
export async function saveMonitorSettings(ctx: ServiceContext, actor: StaffActor, slug: string, input: MonitorSettingsInput): Promise<MonitorStatus> {
  const { target: before } = await targetOf(ctx, slug);
  const problems: string[] = [];
  if (!(Number.isInteger(input.interval_s) && input.interval_s >= MIN_POLL_INTERVAL_S && input.interval_s <= MAX_POLL_INTERVAL_S)) {
    problems.push(`interval_s: whole seconds from ${MIN_POLL_INTERVAL_S} to ${MAX_POLL_INTERVAL_S}.`);
  }
  if (typeof input.mail_alerts !== 'boolean') problems.push('mail_alerts: true or false.');
  const url = webhookUrl(input.webhook_url, ctx.discovery.remote.allowPrivate, problems);
  // An empty secret is none (a JSON null reaches here as '' when the schema coerces it).
  const typed = input.webhook_secret?.trim() ?? '';
  const newSecret = typed === '' ? undefined : typed;
  if (newSecret !== undefined) {
    const problem = webhookSecretProblem(newSecret);
    if (problem !== undefined) problems.push(`webhook_secret: ${problem}`);
  }
  const keeps = input.webhook_secret === undefined && before.webhook_secret_sealed !== null;
  if (url !== null && newSecret === undefined && !keeps) problems.push('webhook_secret: a webhook needs a secret to sign its messages with.');
  if (problems.length > 0) throw badRequest(...problems);
  const box = ctx.routerCredentials;
  if (newSecret !== undefined && box === undefined) throw conflict(NO_SECRET_MESSAGE);
  let sealed: string | null = null;
  // Without a webhook no secret is kept.
  if (url !== null) sealed = newSecret !== undefined ? sealWebhookSecret(box!, slug, newSecret) : before.webhook_secret_sealed;
  const settings: MonitorSettings = { interval_s: input.interval_s, paused: input.paused, mail_alerts: input.mail_alerts, webhook_url: url, webhook_secret_sealed: sealed };
  if (!(await ctx.store.monitor.saveSettings(slug, settings, ctx.now()))) throw unknownEndpoint(slug);
  await recordAudit(ctx, actor, {
    action: 'registry.endpoint.monitor',
    details: {
      endpoint: slug, interval_s: settings.interval_s, paused: settings.paused, mail_alerts: settings.mail_alerts, webhook_url: url,
      secret: newSecret !== undefined ? 'replaced' : sealed === null ? (before.webhook_secret_sealed === null ? 'none' : 'removed') : 'kept',
    },
  });
  return monitorStatus(ctx, slug);
}

/** "Poll now": due at once, polled by the next tick of a monitor process (within a minute). */
export async function pollNow(ctx: ServiceContext, actor: StaffActor, slug: string): Promise<void> {
  await targetOf(ctx, slug);
  if (!(await ctx.store.monitor.pollNow(slug, ctx.now()))) throw unknownEndpoint(slug);
  await recordAudit(ctx, actor, { action: 'registry.endpoint.poll', details: { endpoint: slug } });
}
