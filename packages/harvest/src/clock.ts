/** Time as an input: tests drive the waits and deadlines of a run without sleeping. */
import { setTimeout as wait } from 'node:timers/promises';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms) => wait(ms) };
