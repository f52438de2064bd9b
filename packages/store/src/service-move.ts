/**
 * Moving a request to another service ("recategorising", FixMyStreet's
 * "change category"): staff put right a request filed under the wrong
 * service, or under the e-mail intake's inactive triage service.
 *
 * What moves with the service, in one transaction:
 * - `service_code`, the denormalised `service_name` and the `service_notice`;
 * - `agency_responsible` and `expected_at` only while they are still the old
 *   service's (its agency; `requested_at` + its SLA): a value staff set
 *   themselves is kept;
 * - the answers to the old service's attributes whose codes the new service
 *   also asks, when they fit its question; the others are dropped (named in
 *   the result and the audit entry).
 * The move is public: a public history entry "Old name → New name" (service
 * names need no translation), `updated_at`, the change feed (`updated`) and
 * the data version move on, and one audit entry `request.service` is written.
 */
import type { TriagedRequest } from './back-office.js';

export interface ServiceMove {
  jurisdiction_id: string;
  request_id: string;
  /** An active service of the same jurisdiction. */
  service_code: string;
  /** Who did it: a staff user id or `token:<id>`; written to the audit log and as the history entry's author. */
  actor: string;
  /** The name shown as the history entry's author (the staff member's, or the city's). */
  author: string | null;
  /** Added to the details of the audit entry, e.g. the channel of the change. */
  audit_details?: Record<string, unknown>;
  /** When; defaults to now. */
  at?: number;
}

export type ServiceMoveRefusal =
  /** No such request in the jurisdiction. */
  | 'unknown-request'
  /** No such service in the jurisdiction. */
  | 'unknown-service'
  /** The service exists but takes no requests. */
  | 'inactive-service'
  /** The request is already under that service: nothing to do. */
  | 'same-service';

export type ServiceMoveResult =
  | {
      ok: true;
      request: TriagedRequest;
      from: { service_code: string; service_name: string };
      /** Codes of the answers dropped because the new service does not ask them. */
      dropped_attributes: string[];
    }
  | { ok: false; reason: ServiceMoveRefusal };
