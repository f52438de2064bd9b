/** Row shapes of moderation's table (migration 0020, moderation-migration.ts; see moderation.ts). */
import type { Generated } from 'kysely';

export interface RequestModerationsTable {
  id: Generated<number>;
  jurisdiction_id: string;
  request_id: number;
  target: string;
  /** '' for the request itself. */
  target_id: string;
  action: string;
  original: string | null;
  moderated: string | null;
  reason: string;
  actor: string;
  at: number;
}

export interface ModerationTables {
  request_moderations: RequestModerationsTable;
}
