/**
 * What the CLI reports when a command fails: one line on stderr and an exit
 * code, never a stack trace (set O311_DEBUG=1 to see one).
 */

/** A failure the user can act on; exit code 1. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? 1;
  }
}

/** Wrong arguments or options; exit code 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, { exitCode: 2 });
    this.name = 'UsageError';
  }
}

/** One line describing any thrown value, including Node's message-less network errors. */
export function describeError(e: unknown): string {
  if (e instanceof AggregateError && !e.message) {
    const inner = e.errors.find((x): x is Error => x instanceof Error);
    if (inner) return describeError(inner);
  }
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    const message = e.message || (typeof code === 'string' ? code : e.name);
    return oneLine(message);
  }
  return oneLine(String(e));
}

export const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' ').trim();
