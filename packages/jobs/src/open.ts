/** Opening the job queue of a database URL: the engine follows the URL, as for the store. */
import { parseDatabaseUrl } from '@o311/store';
import type { JobQueueOptions } from './options.js';
import type { JobQueue } from './queue.js';

/**
 * A queue on `sqlite:PATH` (the store's file; its own tables), `sqlite::memory:`
 * or `postgres://…` (pg-boss in its own schema). Call start() before use.
 */
export async function openJobQueue(url: string, options: JobQueueOptions = {}): Promise<JobQueue> {
  const location = parseDatabaseUrl(url);
  if (location.dialect === 'sqlite') {
    const { SqliteJobQueue } = await import('./sqlite/sqlite-queue.js');
    return new SqliteJobQueue(location.path, options);
  }
  const { PgBossJobQueue } = await import('./postgres/pg-boss-queue.js');
  return new PgBossJobQueue(location.url, options);
}
