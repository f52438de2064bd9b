/**
 * A `webhooks.deliver` job: one delivery POSTed as JSON to its subscriber,
 * signed (X-O311-Signature: HMAC-SHA256 over `${t}.${body}`, @o311/monitor's
 * signWebhook) with a fresh timestamp, through the client's guarded transport
 * (private addresses only when the server allows private endpoints), 10 s,
 * the answer read up to 4 KiB. Every attempt is logged with the delivery's
 * new state (store.webhooks.recordAttempt). A 2xx is delivered; a 4xx other
 * than 408 and 429, a refused address or a bad URL fails it for good;
 * anything else fails the job, so the queue tries again after its back-off,
 * and the last attempt leaves it dead. The delivery row is the truth: a job
 * for a delivery that is no longer pending, or whose subscriber is paused or
 * gone, does nothing (resume queues it again). A request moderated since the
 * delivery was stored goes out moderated (moderated-body.ts).
 */
import { NetworkError, type Transport } from '@o311/client';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@o311/monitor';
import { CredentialError, NO_SECRET_MESSAGE } from '@o311/router';
import type { AttemptOutcome, DeliveryAttempt, WebhookDelivery, WebhookSubscriber } from '@o311/store';
import type { WebhookServices } from './dispatch.js';
import { bodyToSend } from './moderated-body.js';
import { mailPause } from './pause-mail.js';
import { openSubscriberSecret } from './subscriber-secret.js';
import { PAUSE_POLICY, WEBHOOK_MAX_ANSWER_BYTES, WEBHOOK_RETRY_LIMIT, WEBHOOK_TIMEOUT_MS } from './webhook-options.js';

export const EVENT_HEADER = 'X-O311-Event';
export const DELIVERY_HEADER = 'X-O311-Delivery';
const USER_AGENT = 'o311';

/** What a delivery needs beyond the services. */
export interface WebhookRuntime {
  ctx: WebhookServices;
  transport: Transport;
  /** Reach private and loopback receivers (`--allow-private-endpoints`). */
  allowPrivate: boolean;
}

/** Thrown to have the queue try the delivery again later. */
class WebhookPending extends Error {
  override readonly name = 'WebhookPending';
}

type Tried = { attempt: DeliveryAttempt; retried: boolean; delivered: boolean };

/** Control characters out (line breaks and tabs become spaces), so a log never carries terminal escapes or NULs. */
const cleanExcerpt = (text: string): string => text.replace(/[\t\n\r]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

const byStatus = (status: number): Pick<Tried, 'retried' | 'delivered'> => ({
  delivered: status >= 200 && status < 300,
  retried: status >= 500 || status === 408 || status === 429 || status < 200 || (status >= 300 && status < 400),
});

async function post(rt: WebhookRuntime, s: WebhookSubscriber, d: WebhookDelivery): Promise<Tried> {
  const at = rt.ctx.now();
  const started = performance.now();
  const box = rt.ctx.routerCredentials;
  const noAnswer = (error: string, excerpt: string, retried: boolean): Tried => ({
    attempt: { at, http_status: null, error, latency_ms: performance.now() - started, excerpt: cleanExcerpt(excerpt) }, retried, delivered: false,
  });
  if (box === undefined) return noAnswer('no-secret', NO_SECRET_MESSAGE, true);
  let secret: string;
  try {
    secret = openSubscriberSecret(box, s.id, s.secret_sealed);
  } catch (e) {
    if (e instanceof CredentialError) return noAnswer('no-secret', e.message, true);
    throw e;
  }
  const sent = await bodyToSend(rt.ctx, d);
  try {
    const exchange = await rt.transport(
      {
        method: 'POST', url: s.url, body: sent,
        headers: {
          'content-type': 'application/json', [EVENT_HEADER]: d.event, [DELIVERY_HEADER]: d.id,
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(secret, Math.floor(at / 1000), sent),
        },
      },
      { timeoutMs: WEBHOOK_TIMEOUT_MS, maxBytes: WEBHOOK_MAX_ANSWER_BYTES, maxRedirects: 0, allowPrivate: rt.allowPrivate, userAgent: USER_AGENT },
    );
    const { status, body } = exchange.response;
    return { attempt: { at, http_status: status, error: null, latency_ms: exchange.elapsedMs, excerpt: cleanExcerpt(body) }, ...byStatus(status) };
  } catch (e) {
    if (!(e instanceof NetworkError)) throw e;
    return noAnswer(e.kind, e.message, !(e.kind === 'private-address' || e.kind === 'bad-url'));
  }
}

/** `attempt`: the job's attempt (1 for the first); the last one allowed leaves a failing delivery dead. */
export async function deliverWebhook(rt: WebhookRuntime, deliveryId: string, attempt: number): Promise<void> {
  const { webhooks } = rt.ctx.store;
  const d = await webhooks.getDelivery(deliveryId);
  if (!d || d.state !== 'pending') return;
  const s = await webhooks.getSubscriber(d.subscriber_id);
  if (!s || s.state !== 'active') return;
  const tried = await post(rt, s, d);
  const outcome: AttemptOutcome = tried.delivered ? 'delivered' : !tried.retried ? 'failed' : attempt > WEBHOOK_RETRY_LIMIT ? 'dead' : 'retry';
  const recorded = await webhooks.recordAttempt(d.id, tried.attempt, outcome, PAUSE_POLICY);
  if (recorded?.paused) await mailPause(rt.ctx, recorded.subscriber);
  if (outcome === 'retry') throw new WebhookPending(tried.attempt.error ?? `the receiver answered HTTP ${tried.attempt.http_status}`);
}
