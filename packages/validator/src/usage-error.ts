/** validate() was called wrongly (a bad URL, say); reaching the target is never a usage error. */
export class ValidatorUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValidatorUsageError';
  }
}
