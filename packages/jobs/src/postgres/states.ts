/** pg-boss's job states and the queue's. pg-boss's "cancelled" has no counterpart: such jobs are not listed. */
import type { JobRecord, JobState } from '../queue.js';
import type { PgJobRow } from './sql.js';

type PgBossState = PgJobRow['state'];

const TO_QUEUE: Record<PgBossState, JobState | undefined> = {
  created: 'queued',
  retry: 'retry',
  active: 'active',
  completed: 'completed',
  failed: 'dead',
  cancelled: undefined,
};

const TO_PG_BOSS: Record<JobState, PgBossState> = {
  queued: 'created',
  retry: 'retry',
  active: 'active',
  completed: 'completed',
  dead: 'failed',
};

export const toPgBossState = (state: JobState): PgBossState => TO_PG_BOSS[state];

export const toQueueState = (state: string): JobState | undefined => TO_QUEUE[state as PgBossState];

export function toRecord(row: PgJobRow): JobRecord {
  const state = toQueueState(row.state) ?? 'dead';
  const waiting = state === 'queued' || state === 'retry';
  return {
    id: row.id,
    name: row.name,
    state,
    data: row.data,
    singletonKey: row.singleton_key,
    // pg-boss counts an attempt when it claims a job that was claimed before.
    attempts: row.started_on === null ? 0 : row.retry_count + 1,
    retryLimit: row.retry_limit,
    createdAt: row.created_on.getTime(),
    runAt: (waiting ? row.start_after : (row.started_on ?? row.start_after)).getTime(),
    completedAt: row.completed_on?.getTime() ?? null,
    lastError: waiting || state === 'dead' ? row.last_error : null,
  };
}
