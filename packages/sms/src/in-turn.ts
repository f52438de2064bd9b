/**
 * Runs the tasks of one key one after the other, in the order they came, in
 * this process: two messages of one number never race for its conversation
 * here (another process's still can; receive.ts retries those).
 */
export function inTurn(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const last = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const before = last.get(key) ?? Promise.resolve();
    const mine = before.then(task, task);
    const settled = mine.then(() => undefined, () => undefined);
    last.set(key, settled);
    // The key is forgotten once its last task is done, so the map holds only busy numbers.
    void settled.then(() => {
      if (last.get(key) === settled) last.delete(key);
    });
    return mine;
  };
}
