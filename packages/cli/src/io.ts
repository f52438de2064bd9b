/**
 * Where a command reads and writes: the real process, or a capture in tests.
 * Commands never touch `process` directly.
 */

export interface OutputStream {
  write(text: string): unknown;
  /** True for a terminal: progress bars, colours. */
  readonly isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  /** The real stderr stream when it is a terminal (cli-progress draws on it); otherwise undefined. */
  ttyStderr?: NodeJS.WriteStream;
  /** Resolves with the signal name when the process is asked to stop (SIGINT, SIGTERM). */
  shutdownSignal(): Promise<string>;
}

/** The running process. A second SIGINT/SIGTERM while shutting down exits at once. */
export function processIo(): CliIo {
  let shutdown: Promise<string> | undefined;
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    ttyStderr: process.stderr.isTTY ? process.stderr : undefined,
    shutdownSignal() {
      shutdown ??= new Promise<string>((resolve) => {
        let received = false;
        const onSignal = (signal: NodeJS.Signals): void => {
          if (received) {
            process.stderr.write(`${signal} again: exiting without waiting\n`);
            process.exit(1);
          }
          received = true;
          resolve(signal);
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
      return shutdown;
    },
  };
}

/** Writes one line. */
export const println = (out: OutputStream, line = ''): void => {
  out.write(`${line}\n`);
};
