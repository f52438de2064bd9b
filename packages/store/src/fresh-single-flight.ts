/**
 * One read shared by concurrent callers, never older than a caller's arrival.
 *
 * A plain single flight (join the read in flight) would hand a caller a value
 * read before it arrived: a read of the data version that took its snapshot
 * before another process's commit, to a request sent after that commit was
 * acknowledged. So a caller that finds a read in flight waits for the NEXT
 * read, started when the one in flight ends; every caller arriving meanwhile
 * shares that next read. At most one read runs and one waits, so one round
 * trip serves any number of concurrent callers, and each gets a value read
 * after it called.
 */
export function freshSingleFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;

  const start = (): Promise<T> => {
    const current = (async () => read())();
    running = current;
    const done = (): void => {
      if (running === current) running = undefined;
    };
    current.then(done, done);
    return current;
  };

  return () => {
    if (queued) return queued;
    if (!running) return start();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    const next = settled.then(() => {
      // Callers arriving until now joined `next`, which starts only now: after each of them.
      queued = undefined;
      return start();
    });
    queued = next;
    return next;
  };
}
