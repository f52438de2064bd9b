/**
 * Who changes something through the staff channels, and through which one:
 * a signed-in staff user in the web back office, or a staff token on `/api/v1`.
 * Every audit entry names both. Its scope bounds what it may reach: the
 * services resolve every jurisdiction within it (jurisdictions.ts).
 */
import type { JurisdictionScope } from '@o311/store';

export type Channel = 'web' | 'api';

export type StaffActor =
  | { kind: 'user'; id: string; name: string; channel: Channel; scope: JurisdictionScope }
  | { kind: 'token'; id: string; name: string; channel: Channel; scope: JurisdictionScope };

/** The audit log's `actor`: the staff user's id, or `token:<id>` for a staff token. */
export const auditActorOf = (a: StaffActor): string => (a.kind === 'user' ? a.id : `token:${a.id}`);

/** The author shown on the public history of a request. */
export const authorOf = (a: StaffActor): string => (a.kind === 'user' ? a.name : `staff:${a.name}`);
