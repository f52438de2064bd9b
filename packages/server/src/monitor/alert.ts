/**
 * A `monitor.alert` job: the event mailed to the endpoint's registry contact
 * when an admin turned mail alerts on for it (the outbox's once-key makes a
 * retried job mail nobody twice), then, when the target has a webhook, its
 * delivery queued as its own job. Each event is alerted once per channel: a
 * webhook already tried is not queued again.
 * The mail only enters the outbox here: the web apps' delivery (SMTP or the
 * mail log) sends it, found by their outbox sweep within a few minutes, so
 * a monitor process needs no mail settings of its own.
 */
import { JOB, monitorAlertOptions, monitorWebhookOptions, type MonitorEventData } from '../jobs/job-names.js';
import { alertMail } from './alert-mail.js';
import { statusUrl, type MonitorServices } from './monitor-runtime.js';

/** The once-key of an event's mail in the outbox. */
export const alertMailKey = (eventId: string): string => `monitor-event:${eventId}`;

export function queueAlert(ctx: Pick<MonitorServices, 'jobs'>, eventId: string): Promise<string | undefined> {
  const data: MonitorEventData = { eventId };
  return ctx.jobs.enqueue(JOB.monitorAlert, data, monitorAlertOptions(data));
}

export function queueWebhook(ctx: Pick<MonitorServices, 'jobs'>, eventId: string): Promise<string | undefined> {
  const data: MonitorEventData = { eventId };
  return ctx.jobs.enqueue(JOB.monitorWebhook, data, monitorWebhookOptions(data));
}

export async function sendAlert(ctx: MonitorServices, eventId: string): Promise<void> {
  const { monitor } = ctx.store;
  const event = await monitor.getEvent(eventId);
  // Forgotten with its endpoint.
  if (!event) return;
  const endpoint = await ctx.store.getEndpoint(event.slug);
  if (!endpoint) return;
  const target = await monitor.getTarget(event.slug);
  if (target?.mail_alerts && event.mailed_at === null && endpoint.contact_email !== null) {
    const incident = event.incident_id === null ? undefined : await monitor.getIncident(event.incident_id);
    const at = ctx.now();
    await ctx.store.enqueueMailOnce(alertMail(endpoint.contact_email, event, endpoint, incident, statusUrl(ctx, endpoint.slug)), alertMailKey(event.id), at);
    await monitor.markEventMailed(event.id, at);
  }
  if (target?.webhook_url && target.webhook_secret_sealed !== null && event.webhook_attempts === 0 && event.webhook_delivered_at === null) {
    await queueWebhook(ctx, event.id);
  }
}
