/** A body that is not a document of the expected shape. `path` locates the problem (`service_requests.request[2].lat`). */
export class DecodeError extends Error {
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'DecodeError';
    this.path = path;
  }
}
