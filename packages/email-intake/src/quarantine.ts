/**
 * What admins do with quarantined mail: read it, release it (filed as if it
 * had just arrived, past the sender's limit, as a request or the reporter's
 * update), or delete it. Scoped to the jurisdiction by the caller.
 */
import type { Jurisdiction, MailRecord } from '@o311/store';
import { ingestMail, type IngestResult } from './ingest.js';
import type { IntakeContext } from './intake-context.js';

/** Held messages listed at most (newest first). */
const QUARANTINE_PAGE_SIZE = 100;

export const quarantined = (ic: IntakeContext, j: Jurisdiction): Promise<MailRecord[]> => ic.services.store.mailIntake.quarantined(j.id, QUARANTINE_PAGE_SIZE);

export type ReleaseOutcome = { ok: true; result: IngestResult } | { ok: false; reason: 'unknown' };

export async function releaseMail(ic: IntakeContext, j: Jurisdiction, id: string): Promise<ReleaseOutcome> {
  const { store } = ic.services;
  const kept = await store.mailIntake.quarantinedMail(j.id, id);
  const intake = ic.addresses.find((a) => a.jurisdiction_id === j.id);
  if (!kept || !intake) return { ok: false, reason: 'unknown' };
  // The row stays quarantined until the filing replaces it, in the filing's transaction.
  const result = await ingestMail(ic, Buffer.from(kept.raw), { mailFrom: kept.record.sender, rcptTo: [intake.address] }, { release: kept.record.id });
  return { ok: true, result };
}

export const deleteMail = (ic: IntakeContext, j: Jurisdiction, id: string): Promise<boolean> => ic.services.store.mailIntake.discard(j.id, id);
