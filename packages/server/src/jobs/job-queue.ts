/**
 * The queue a server process uses: on the store's own database (`o311 serve`),
 * or, for an app built without one (tests, embedded uses), a private queue in
 * memory that lives as long as the app.
 */
import { openJobQueue, type JobQueue } from '@o311/jobs';

/** Opens the queue on `url` (the store's database URL, or `sqlite::memory:`) and starts it. */
export async function startJobQueue(url: string): Promise<JobQueue> {
  const queue = await openJobQueue(url);
  try {
    await queue.start();
  } catch (e) {
    await queue.stop({ graceMs: 0 }).catch(() => undefined);
    throw e;
  }
  return queue;
}

/** A queue for one app only: its jobs are lost when the app closes. */
export const startPrivateJobQueue = (): Promise<JobQueue> => startJobQueue('sqlite::memory:');
