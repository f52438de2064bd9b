/**
 * Thrown by the tolerant readers only when a body cannot be read as the expected
 * document at all: not JSON/XML, or no list/object of the expected kind anywhere.
 * Every lesser problem is a warning.
 */
export class ReadError extends Error {
  /** Where reading gave up, e.g. `service_requests` or `service_definition.attributes`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'ReadError';
    this.path = path;
  }
}
