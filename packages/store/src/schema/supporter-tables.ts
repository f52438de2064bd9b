/** Row shape of the "me too" supporters' table (migration 0023, supporters-migration.ts; see supporters.ts). */

export interface SupportersTable {
  request_id: number;
  /** SHA-256 of one identity key of the support. */
  key_hash: string;
  support_id: string;
  jurisdiction_id: string;
  created_at: number;
}

export interface SupporterTables {
  supporters: SupportersTable;
}
