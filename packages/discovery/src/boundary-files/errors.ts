/**
 * Why a boundary file cannot be imported: one line naming the feature (its
 * place in the file, id and name where known) and the problem. Nothing of a
 * file with such an error is imported.
 */
export class BoundaryFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BoundaryFileError';
  }
}

/** The message of any thrown value, on one line. */
export const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ').trim();
