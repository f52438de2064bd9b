/**
 * Shared commits for the queue's own connection. With `synchronous=FULL`
 * every commit waits for the disk, and better-sqlite3 waits on the event
 * loop's thread: an enqueue per accepted request, each in its own
 * transaction, would stop the whole process for one flush each. Here the
 * writes asked for in the same turn of the event loop run in ONE
 * `BEGIN IMMEDIATE` transaction, each in its own savepoint (a failing write
 * is undone and fails alone), and every caller is answered once the shared
 * commit is on disk. The store's group commit (packages/store/src/
 * group-commit.ts) promises the same for the store's asynchronous Kysely
 * connection; this queue has a synchronous one and stays independent of the store.
 */
import type BetterSqlite3 from 'better-sqlite3';

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** More than this many writes wait for the next transaction, to bound the time the write lock is held. */
const MAX_BATCH = 256;

export class WriteBatch {
  readonly #db: BetterSqlite3.Database;
  readonly #one: (write: () => unknown) => unknown;
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    // Called inside the batch's transaction, a better-sqlite3 transaction function is a savepoint.
    this.#one = db.transaction((write: () => unknown) => write());
  }

  /** Runs `write` (synchronous statements on this connection) in the next shared transaction. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        // Let the rest of this turn's writes join before the transaction starts.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the waiting writes now (the queue calls it before it closes the connection). */
  flush(): void {
    this.#scheduled = false;
    while (this.#pending.length > 0) {
      const batch = this.#pending.splice(0, MAX_BATCH);
      let outcomes: Outcome[];
      try {
        outcomes = this.#commit(batch);
      } catch (error) {
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
  }

  #commit(batch: Pending[]): Outcome[] {
    const outcomes: Outcome[] = [];
    this.#db.transaction(() => {
      for (const p of batch) {
        // An error that ends the whole transaction (disk full, I/O) must not let the rest commit one by one.
        if (!this.#db.inTransaction) throw new Error('the shared transaction was rolled back');
        try {
          outcomes.push({ ok: true, value: this.#one(p.write) });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
    }).immediate();
    return outcomes;
  }
}
