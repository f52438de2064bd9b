/**
 * What one delivery attempt came to, and how a failure is judged: an
 * upstream's 4xx is its final word (kept, never retried), anything else
 * (network errors, 5xx, 429, 408, an unreadable answer, a missing secret)
 * may pass and is retried.
 */
import { NetworkError, Open311Error, ResponseReadError } from '@o311/client';
import { isOpen311Failure } from '@o311/georeport';
import { CredentialError } from './credentials.js';

export type DeliveryOutcome =
  /** The upstream's id is known (or, for a blackbox service, the upstream took it without one). */
  | { kind: 'delivered'; upstreamId: string | null }
  /** Not yet: an upstream token to resolve, or a failure that may pass. Retried later. */
  | { kind: 'retry'; error: string }
  /** The upstream refused it (4xx): kept as failed. */
  | { kind: 'refused'; error: string }
  /** Retries exhausted: kept as dead. */
  | { kind: 'dead'; error: string }
  /** Nothing to do: unknown, already final, or taken by another attempt. */
  | { kind: 'skipped' };

/** Statuses that say "not now" rather than "no". */
const PASSING = new Set([408, 409, 425, 429]);

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The refusal, when `err` is an upstream's (or the local server's) final 4xx answer. */
export function refusalOf(err: unknown): string | undefined {
  if (err instanceof Open311Error && err.status >= 400 && err.status < 500 && !PASSING.has(err.status)) {
    const said = err.errors.map((e) => e.description).filter((d) => d !== '');
    return said.length > 0 ? said.join('; ') : `HTTP ${err.status}`;
  }
  if (isOpen311Failure(err) && err.status >= 400 && err.status < 500 && !PASSING.has(err.status)) return err.message;
  return undefined;
}

/** A retryable failure as kept for the admin: the kind of problem, then what it said. */
export function retryReason(err: unknown): string {
  if (err instanceof NetworkError) return `network (${err.kind}): ${err.message}`;
  if (err instanceof Open311Error) return `upstream HTTP ${err.status}: ${err.message}`;
  if (err instanceof ResponseReadError) return `unreadable answer: ${err.message}`;
  if (err instanceof CredentialError) return `credentials: ${err.message}`;
  return describe(err);
}

/** The outcome of a failed attempt. */
export function failureOutcome(err: unknown): DeliveryOutcome {
  const refusal = refusalOf(err);
  return refusal === undefined ? { kind: 'retry', error: retryReason(err) } : { kind: 'refused', error: refusal };
}
