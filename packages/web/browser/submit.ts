/**
 * Sending the report through the public GeoReport v2 POST (multipart, with the
 * resized photos and the app's API key), as any Open311 client would.
 */
import type { Photo } from './photos.js';
import type { ReportConfig } from './report-config.js';
import { orderedReportBody } from './report-body.js';

export type SubmitResult =
  | { ok: true; id: string | null; token: string | null }
  /** `later`: refused for now (too many sends, the server failing), not for what it says. */
  | { ok: false; problems: string[]; later?: boolean }
  /** The form's one-time token was spent on another submission (sent, then changed and sent again). */
  | { ok: false; sentAlready: true }
  | { ok: false; network: true };

/** The form's one-time token (src/citizen/form-token.ts), sent as the API's Idempotency-Key. */
export function formToken(form: HTMLFormElement): string | undefined {
  const v = new FormData(form).get('form_token');
  return typeof v === 'string' && v !== '' ? v : undefined;
}

interface Receipt {
  service_request_id?: string | null;
  token?: string | null;
}

interface ErrorItem {
  description?: string;
}

export const reportBody = (form: HTMLFormElement, config: ReportConfig, photos: readonly Photo[]): FormData =>
  orderedReportBody(new FormData(form), config.apiKey, config.serviceCode, photos);

/** How the report reaches the city: the web form, or the installed app (its window, or its outbox). */
export type Channel = 'web' | 'app';

/** Names the channel to the server, which takes only these two values from the citizen app. */
export const CHANNEL_HEADER = 'o311-channel';

export async function submitReport(body: FormData, token: string | undefined, channel: Channel): Promise<SubmitResult> {
  let res: Response;
  const headers: Record<string, string> = { accept: 'application/json', [CHANNEL_HEADER]: channel };
  // The same form sent again (Back, then Send) answers the first request's receipt.
  if (token !== undefined) headers['idempotency-key'] = `form-js:${token}`;
  try {
    res = await fetch('/open311/v2/requests.json', { method: 'POST', body, headers });
  } catch {
    return { ok: false, network: true };
  }
  if (res.status === 422 && token !== undefined) return { ok: false, sentAlready: true };
  const json: unknown = await res.json().catch(() => undefined);
  const list = Array.isArray(json) ? json : [];
  if (res.ok) {
    const r = (list[0] ?? {}) as Receipt;
    return { ok: true, id: r.service_request_id ?? null, token: r.token ?? null };
  }
  const problems = (list as ErrorItem[]).map((e) => e.description ?? '').filter(Boolean);
  if (problems.length === 0) return { ok: false, network: true };
  return res.status === 429 || res.status >= 500 ? { ok: false, problems, later: true } : { ok: false, problems };
}

/** The confirmation page for a receipt (the same one the no-JS path redirects to). */
export function confirmationUrl(config: ReportConfig, r: { id: string | null; token: string | null }): string {
  const q = new URLSearchParams();
  if (r.id) q.set('id', r.id);
  else if (r.token) q.set('token', r.token);
  else q.set('service', config.serviceCode);
  return `/report/${encodeURIComponent(config.serviceCode)}/sent?${q.toString()}`;
}
