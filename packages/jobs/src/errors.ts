/** The failures of the job queue, declared once. */

export type JobQueueErrorKind =
  /** A name, payload, option or cron expression out of its bounds. */
  | 'invalid-input'
  /** A handler is already registered for this name in this process. */
  | 'handler-exists'
  /** The queue was used before start() or after stop(). */
  | 'not-running';

export class JobQueueError extends Error {
  override readonly name = 'JobQueueError';
  constructor(
    readonly kind: JobQueueErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const invalid = (message: string): JobQueueError => new JobQueueError('invalid-input', message);
