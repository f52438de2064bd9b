/** Runs async tasks at most `max` at a time, in the order they were handed in. */

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(max: number): Limiter {
  if (!(Number.isInteger(max) && max >= 1)) throw new RangeError(`concurrency must be a whole number of at least 1, not ${max}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      // A waiting task takes over the slot; otherwise it is freed.
      const handOver = waiting.shift();
      if (handOver !== undefined) handOver();
      else running--;
    }
  };
}
