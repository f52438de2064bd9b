/** Row shapes of the reporter's tables (migration 0021, reporter-migration.ts; see reporter.ts). */

export interface ReporterSettingsTable {
  jurisdiction_id: string;
  receipts_for_api: number;
  question_delay_hours: number;
  reopen_window_days: number;
  updated_at: number;
}

export interface ReporterRequestsTable {
  request_id: number;
  jurisdiction_id: string;
  locale: string | null;
  enrolled_at: number;
}

export interface ReporterTokensTable {
  token_hash: string;
  request_id: number;
  jurisdiction_id: string;
  created_at: number;
  expires_at: number;
}

export interface ReporterQuestionsTable {
  /** The `closed` change of the change feed it asks about. */
  change_id: number;
  request_id: number;
  jurisdiction_id: string;
  closed_at: number;
  due_at: number;
  asked_at: number | null;
  answer: string | null;
  answered_at: number | null;
}

export interface ReporterTables {
  reporter_settings: ReporterSettingsTable;
  reporter_requests: ReporterRequestsTable;
  reporter_tokens: ReporterTokensTable;
  reporter_questions: ReporterQuestionsTable;
}
