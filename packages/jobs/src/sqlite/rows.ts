/** Rows of the SQLite engine's tables and their mapping to the queue's types. */
import type { JobRecord, JobState } from '../queue.js';

export interface JobRow {
  id: string;
  name: string;
  data: string;
  state: JobState;
  singleton_key: string | null;
  attempts: number;
  retry_limit: number;
  retry_delay_ms: number;
  backoff: number;
  lease_ms: number;
  created_at: number;
  run_at: number;
  started_at: number | null;
  lease_until: number | null;
  completed_at: number | null;
  last_error: string | null;
}

export interface ScheduleRow {
  name: string;
  cron: string;
  timezone: string;
  data: string;
  options: string;
  last_tick: number;
}

export function toRecord(row: JobRow): JobRecord {
  const waiting = row.state === 'queued' || row.state === 'retry';
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    data: JSON.parse(row.data) as unknown,
    singletonKey: row.singleton_key,
    attempts: row.attempts,
    retryLimit: row.retry_limit,
    createdAt: row.created_at,
    runAt: waiting ? row.run_at : (row.started_at ?? row.run_at),
    completedAt: row.completed_at,
    lastError: row.last_error,
  };
}
