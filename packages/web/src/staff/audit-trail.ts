/**
 * Writes one audit entry for what only the web app does: signing in and out,
 * one's own account, exports. Changes of data (requests, services, users,
 * departments, templates, keys) are audited by the server's services, whichever
 * channel asked (packages/server/src/services/audit.ts).
 */
import type { WebContext } from '../context.js';

export interface AuditFact {
  /** A staff user id, or `anonymous` for failed logins of unknown accounts. */
  actor: string;
  action: string;
  details?: Record<string, unknown>;
  jurisdiction_id?: string | null;
  request_id?: string | null;
}

export async function audit(web: WebContext, fact: AuditFact): Promise<void> {
  await web.services.store.appendAudit({
    actor: fact.actor,
    action: fact.action,
    details: fact.details ?? {},
    jurisdiction_id: fact.jurisdiction_id ?? null,
    request_id: fact.request_id ?? null,
    at: web.services.now(),
  });
}
