/** Row shape of the developers' key requests (migration 0024, key-requests-migration.ts; see key-requests.ts). */

export interface ApiKeyRequestsTable {
  id: string;
  email: string;
  /** The address while the request is open, null after (unique: one open request per address). */
  open_email: string | null;
  name: string;
  app_name: string;
  app_url: string;
  purpose: string;
  locale: string;
  terms_digest: string;
  verify_hash: string;
  verify_expires_at: number;
  state: string;
  created_at: number;
  verified_at: number | null;
  decided_at: number | null;
  decided_by: string | null;
  api_key_id: string | null;
}

export interface KeyRequestTables {
  api_key_requests: ApiKeyRequestsTable;
}
