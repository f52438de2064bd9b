/** Row shapes of the e-mail intake's tables (migration 0027, mail-intake-migration.ts; see mail-intake.ts). */

export interface InboundMailTable {
  id: string;
  jurisdiction_id: string;
  message_id: string;
  sender: string;
  subject: string;
  verdict: string;
  reason: string | null;
  request_id: number | null;
  /** Only for quarantined mail. */
  raw: Uint8Array | null;
  raw_size: number;
  received_at: number;
}

export interface MailThreadsTable {
  request_id: number;
  jurisdiction_id: string;
  token: string;
  root_message_id: string;
  last_message_id: string;
  created_at: number;
}

export interface MailIntakeTables {
  inbound_mail: InboundMailTable;
  mail_threads: MailThreadsTable;
}
