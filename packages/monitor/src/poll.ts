/**
 * One poll of an endpoint: GET its service list through the client SDK. Up
 * when a service list was read; the latency runs until its body was read.
 * Never throws: every failure becomes a sample with its kind.
 *
 * The client reads tolerantly: a truncated XML document still gives the
 * services it began, the last one with empty fields. A list with a service
 * without service_code (which every request names) is therefore malformed,
 * not up: no client could use that service.
 */
import type { PollSample } from '@o311/store';
import { clientFor } from './endpoint-client.js';
import { clip, pollFailure, refusal, type PollFailure } from './poll-error.js';
import type { PollOptions } from './poll-options.js';
import type { PollTarget } from './poll-target.js';

/** A failed sample of `slug` taken at `at`. */
export function failedSample(slug: string, at: number, f: PollFailure): PollSample {
  return {
    slug, at, ok: false, http_status: f.status, latency_ms: f.latencyMs === null ? null : Math.round(f.latencyMs),
    error_kind: f.kind, error: f.message, services: null,
  };
}

/** A sample for a target that cannot be polled at all (targetOf refused it). */
export const refusedSample = (slug: string, at: number, why: string): PollSample => failedSample(slug, at, refusal(why));

export async function pollEndpoint(target: PollTarget, options: PollOptions): Promise<PollSample> {
  const at = options.now();
  try {
    const client = await clientFor(target, options);
    const { data, exchange } = await client.services();
    const uncoded = data.filter((service) => service.service_code.trim() === '').length;
    if (uncoded > 0) {
      return failedSample(target.slug, at, {
        kind: 'malformed', status: exchange.response.status, latencyMs: exchange.elapsedMs,
        message: clip(`${exchange.request.url} answered a service list with ${uncoded} of ${data.length} services without a service_code (a broken or truncated document)`),
      });
    }
    return {
      slug: target.slug, at, ok: true, http_status: exchange.response.status, latency_ms: Math.round(exchange.elapsedMs),
      error_kind: null, error: null, services: data.length,
    };
  } catch (err) {
    return failedSample(target.slug, at, pollFailure(err));
  }
}
