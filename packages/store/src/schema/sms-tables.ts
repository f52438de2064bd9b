/** Row shapes of the SMS channel's tables (migration 0029, sms-migration.ts; see sms.ts). */
import type { Generated } from 'kysely';
import type { SmsDirection, SmsMessageState } from '../sms.js';

export interface SmsConversationsTable {
  jurisdiction_id: string;
  phone: string;
  id: string;
  locale: string;
  state: string;
  version: number;
  updated_at: number;
}

export interface SmsHandledTable {
  provider: string;
  message_id: string;
  at: number;
}

export interface SmsOptOutsTable {
  jurisdiction_id: string;
  phone: string;
  at: number;
}

export interface SmsSubscriptionsTable {
  request_id: number;
  phone: string;
  jurisdiction_id: string;
  locale: string;
  last_status: string | null;
  created_at: number;
}

export interface SmsMessagesTable {
  id: Generated<number>;
  jurisdiction_id: string;
  phone: string;
  direction: SmsDirection;
  body: string;
  state: SmsMessageState;
  created_at: number;
  sent_at: number | null;
  provider_id: string | null;
}

export interface SmsTables {
  sms_conversations: SmsConversationsTable;
  sms_handled: SmsHandledTable;
  sms_opt_outs: SmsOptOutsTable;
  sms_subscriptions: SmsSubscriptionsTable;
  sms_messages: SmsMessagesTable;
}
