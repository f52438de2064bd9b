/**
 * Text holding U+0000 never reaches a database. PostgreSQL cannot store it in
 * a text column and fails the statement (a 500 for the client); SQLite would
 * keep it and hand it to every XML answer, where it is not allowed. The server
 * refuses such input at its edge with a 400; this guard, run on the parameters
 * of every statement of both dialects, is the net below that edge, and the
 * server answers its error with a 400 too.
 */
export class NulInTextError extends Error {
  readonly kind = 'nul-in-text' as const;

  constructor() {
    super('Text may not contain the NUL character (U+0000).');
    this.name = 'NulInTextError';
  }
}

/**
 * Text the store writes that came from elsewhere (an upstream's error, a
 * crash's message) with each U+0000 replaced by U+FFFD: better a mark than
 * losing the whole write to NulInTextError.
 */
export const withoutNul = (text: string): string => text.replaceAll('\0', '\uFFFD');

const hasNul = (v: unknown): boolean => typeof v === 'string' && v.includes('\0');

/** Throws NulInTextError when a text parameter (or a text element of an array parameter) holds U+0000. */
export function refuseNulText(parameters: ReadonlyArray<unknown>): void {
  for (const p of parameters) {
    if (hasNul(p) || (Array.isArray(p) && p.some(hasNul))) throw new NulInTextError();
  }
}

/** The same for rows written outside statements' parameters (SQLite's bulk import). */
export function refuseNulInRows(rows: ReadonlyArray<Readonly<Record<string, unknown>>>): void {
  for (const row of rows) {
    for (const key in row) if (hasNul(row[key])) throw new NulInTextError();
  }
}
