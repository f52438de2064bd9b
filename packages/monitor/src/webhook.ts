/**
 * Signed alert webhooks. The body is JSON; the header
 * `X-O311-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * lets the receiver check that the body came from us (the secret is shared
 * with it) and is recent (the timestamp is signed too, so an old delivery
 * cannot be replayed outside the tolerance). Receivers dedupe by `id`: a
 * retried delivery carries the same id.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Endpoint, MonitorEvent, MonitorEventKind } from '@o311/store';

export const WEBHOOK_SIGNATURE_HEADER = 'X-O311-Signature';
/** How far a signature's timestamp may be from the receiver's clock, seconds. */
export const DEFAULT_WEBHOOK_TOLERANCE_S = 300;

const hmac = (secret: string, t: string, body: string): string => createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

/** The header value for `body` sent at `timestamp`, in unix seconds (as the header carries it; a fraction is dropped). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const t = String(Math.floor(timestamp));
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** The header's timestamp and v1 signatures; undefined when it is not one of ours. */
function parseHeader(header: string): { t: string; signatures: string[] } | undefined {
  let t: string | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 0) continue;
    if (name === 't' && /^\d{1,15}$/.test(value)) t = value;
    if (name === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return t === undefined || signatures.length === 0 ? undefined : { t, signatures };
}

/**
 * True when `header` signs `body` with `secret` and its timestamp is within
 * `toleranceS` seconds of `nowMs` (epoch milliseconds). Signatures are compared
 * in constant time.
 */
export function verifyWebhook(secret: string, header: string, body: string, nowMs: number, toleranceS = DEFAULT_WEBHOOK_TOLERANCE_S): boolean {
  const parsed = parseHeader(header);
  if (parsed === undefined) return false;
  if (Math.abs(nowMs / 1000 - Number(parsed.t)) > toleranceS) return false;
  const expected = Buffer.from(hmac(secret, parsed.t, body), 'hex');
  return parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

const TYPES: Readonly<Record<MonitorEventKind, string>> = { down: 'endpoint.down', up: 'endpoint.up', 'score-drop': 'endpoint.score_drop' };

export interface WebhookPayload {
  /** `endpoint.down`, `endpoint.up` or `endpoint.score_drop`. */
  type: string;
  /** The event's id: the same on every retry of one alert. */
  id: string;
  endpoint: { slug: string; name: string };
  /** When it happened, ISO 8601 UTC. */
  at: string;
  detail: string;
  /** The incident's id (down and up), else null. */
  incident: string | null;
  links: { status: string };
}

/** The JSON body of an alert; `links.status` is the endpoint's status page. */
export function webhookPayload(event: MonitorEvent, endpoint: Pick<Endpoint, 'slug' | 'name'>, links: { status: string }): WebhookPayload {
  return {
    type: TYPES[event.kind],
    id: event.id,
    endpoint: { slug: endpoint.slug, name: endpoint.name },
    at: new Date(event.at).toISOString(),
    detail: event.detail,
    incident: event.incident_id,
    links: { status: links.status },
  };
}
