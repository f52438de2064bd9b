export * from './queue.js';
export { JobQueueError, type JobQueueErrorKind } from './errors.js';
export { openJobQueue } from './open.js';
export type { JobQueueOptions } from './options.js';
export { MAX_PAYLOAD_BYTES } from './limits.js';
export { SqliteJobQueue, type SqliteJobQueueOptions } from './sqlite/sqlite-queue.js';
