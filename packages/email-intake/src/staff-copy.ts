/**
 * Staff-only notes the intake leaves on a request: the mail as the reporter
 * wrote it, when what was published from it is shorter (signature cut,
 * contacts removed), so nothing is lost; and the service the words suggest
 * when the mail went to triage. Internal: never in public output.
 */
import { MAX_COMMENT_LENGTH } from '@o311/server';
import { REPORTER_AUTHOR, type Jurisdiction } from '@o311/store';
import type { IntakeContext } from './intake-context.js';

async function note(ic: IntakeContext, j: Jurisdiction, requestId: string, text: string, author: string | null): Promise<void> {
  const { store, now } = ic.services;
  if (!store.addComment) return;
  // The request is filed: a note that cannot be written is reported, never a reason to fail the mail (and lose its receipt).
  await store
    .addComment({ jurisdiction_id: j.id, request_id: requestId, description: Array.from(text).slice(0, MAX_COMMENT_LENGTH).join(''), public: false, author, at: now() })
    .catch((e: unknown) => ic.onError?.(e));
}

/** The mail as written, for staff, when the published text left part of it out. */
export async function keepOriginal(ic: IntakeContext, j: Jurisdiction, requestId: string, written: string, published: string): Promise<void> {
  const original = written.replace(/\r\n?/g, '\n').trim();
  if (original === '' || original === published.trim()) return;
  await note(ic, j, requestId, `Original e-mail (staff only):\n\n${original}`, REPORTER_AUTHOR);
}

/** "Looks like: Pothole (POTHOLE)", for a mail left in triage because the service asks what a mail cannot answer. */
export async function suggestService(ic: IntakeContext, j: Jurisdiction, requestId: string, service: { service_code: string; service_name: string }): Promise<void> {
  await note(ic, j, requestId, `Looks like: ${service.service_name} (${service.service_code}). Move it with the Service select once its questions are answered.`, null);
}
