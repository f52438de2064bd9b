/**
 * A `monitor.webhook` job: the event POSTed as JSON to the target's webhook,
 * signed (WEBHOOK_SIGNATURE_HEADER: HMAC-SHA256 over the timestamp and the
 * body), through the client's guarded transport (private addresses only
 * when the server allows private endpoints), 10 s per attempt, the answer
 * read up to a few KiB. Every attempt is recorded on the event. A 2xx is
 * delivered; a 4xx other than 408 and 429, a refused address or a bad URL is
 * final (the job completes); anything else fails the job, so the queue tries
 * again after its back-off.
 */
import { NetworkError } from '@o311/client';
import { signWebhook, webhookPayload, WEBHOOK_SIGNATURE_HEADER } from '@o311/monitor';
import { CredentialError, NO_SECRET_MESSAGE } from '@o311/router';
import { statusUrl, type MonitorRuntime, type MonitorServices } from './monitor-runtime.js';
import { openWebhookSecret } from './webhook-secret.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Bytes of a receiver's answer read (only its status counts). */
export const WEBHOOK_MAX_ANSWER_BYTES = 4096;
const MAX_ERROR = 300;

/** Thrown to have the queue try the webhook again later. */
class WebhookPending extends Error {
  override readonly name = 'WebhookPending';
}

type Outcome = { status: number | null; error: string | null; delivered: boolean; final: boolean };

const statusOutcome = (status: number): Outcome => {
  if (status >= 200 && status < 300) return { status, error: null, delivered: true, final: true };
  const retried = status >= 500 || status === 408 || status === 429 || status < 400;
  return { status, error: `the receiver answered HTTP ${status}`, delivered: false, final: !retried };
};

/** What a delivery uses of the monitor's runtime. */
export interface WebhookRuntime extends Pick<MonitorRuntime, 'networkTransport' | 'allowPrivate'> {
  ctx: Pick<MonitorServices, 'store' | 'now' | 'origin' | 'routerCredentials'>;
}

export async function deliverWebhook(rt: WebhookRuntime, eventId: string): Promise<void> {
  const { ctx } = rt;
  const { monitor } = ctx.store;
  const event = await monitor.getEvent(eventId);
  if (!event || event.webhook_delivered_at !== null) return;
  const [target, endpoint] = await Promise.all([monitor.getTarget(event.slug), ctx.store.getEndpoint(event.slug)]);
  // The webhook (or the endpoint) was removed since: nothing to deliver to.
  if (!endpoint || !target?.webhook_url || target.webhook_secret_sealed === null) return;
  const outcome = await attempt(rt, target.webhook_url, target.webhook_secret_sealed, event.slug, () =>
    JSON.stringify(webhookPayload(event, endpoint, { status: statusUrl(ctx, event.slug) })));
  await monitor.recordWebhookAttempt(event.id, { status: outcome.status, error: outcome.error, delivered: outcome.delivered }, ctx.now());
  if (!outcome.final) throw new WebhookPending(outcome.error ?? 'not delivered');
}

async function attempt(rt: WebhookRuntime, url: string, sealed: string, slug: string, body: () => string): Promise<Outcome> {
  const box = rt.ctx.routerCredentials;
  if (box === undefined) return { status: null, error: NO_SECRET_MESSAGE, delivered: false, final: false };
  let secret: string;
  try {
    secret = openWebhookSecret(box, slug, sealed);
  } catch (e) {
    if (e instanceof CredentialError) return { status: null, error: e.message, delivered: false, final: false };
    throw e;
  }
  const text = body();
  const signature = signWebhook(secret, Math.floor(rt.ctx.now() / 1000), text);
  try {
    const exchange = await rt.networkTransport(
      { method: 'POST', url, headers: { 'content-type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature }, body: text },
      { timeoutMs: WEBHOOK_TIMEOUT_MS, maxBytes: WEBHOOK_MAX_ANSWER_BYTES, maxRedirects: 0, allowPrivate: rt.allowPrivate },
    );
    return statusOutcome(exchange.response.status);
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    const final = e.kind === 'private-address' || e.kind === 'bad-url';
    return { status: null, error: e.message.slice(0, MAX_ERROR), delivered: false, final };
  }
}
