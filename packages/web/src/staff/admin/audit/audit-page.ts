/**
 * One page of the audit log, newest first. The store pages by time
 * (`before`: strictly older), so a page never ends in the middle of a
 * millisecond: entries sharing the time of the first unseen one move to the next page.
 */
import type { AuditEntry } from '@o311/store';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntry[];
  /** `before` of the next (older) page; undefined on the last page. */
  olderBefore: number | undefined;
}

/** `fetched`: up to `size + 1` entries, newest first. */
export function cutAuditPage(fetched: readonly AuditEntry[], size: number): AuditPage {
  const firstUnseen = fetched[size];
  if (firstUnseen === undefined) return { entries: [...fetched], olderBefore: undefined };
  const whole = fetched.slice(0, size).filter((e) => e.at !== firstUnseen.at);
  // A full page of one millisecond cannot be split; show it and move on past it.
  if (whole.length === 0) return { entries: fetched.slice(0, size), olderBefore: firstUnseen.at };
  return { entries: whole, olderBefore: firstUnseen.at + 1 };
}
