/**
 * Bounds the argon2 work one process does at once. Each verification takes
 * ~19 MiB and tens of milliseconds of a core; unbounded, a flood of fake logins
 * starves every other request. Beyond `maxActive` running and `maxWaiting`
 * queued, a task is refused at once (the caller answers 429), never queued.
 */
export interface GateLimits {
  maxActive: number;
  maxWaiting: number;
}

export type GateOutcome<T> = { ran: true; value: T } | { ran: false };

export class HashingGate {
  readonly #limits: GateLimits;
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limits: GateLimits) {
    this.#limits = limits;
  }

  /** Running now (never more than `maxActive`). */
  get active(): number {
    return this.#active;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<GateOutcome<T>> {
    if (this.#active >= this.#limits.maxActive) {
      if (this.#waiting.length >= this.#limits.maxWaiting) return { ran: false };
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    // A woken waiter takes over the slot of the task that finished (`#active` unchanged).
    else this.#active++;
    try {
      return { ran: true, value: await task() };
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}
