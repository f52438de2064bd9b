/**
 * Group commit for SQLite. With `synchronous=FULL` every commit waits for the
 * disk, and SQLite has one writer: committing each POST on its own caps writes
 * at the disk's flush rate. Here the writes that arrive in the same turn of the
 * event loop share ONE transaction and one flush. Each runs inside its own
 * savepoint, so a failing write is rolled back alone and fails alone; every
 * caller is answered only after the shared commit is on disk. The data
 * version moves once per shared transaction, inside it (`beforeCommit`, when
 * a write succeeded), and `afterCommit` runs when it ended.
 */
import { sql, type Kysely, type Transaction } from 'kysely';

interface Pending<D> {
  work: (trx: Transaction<D>) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** More than this many writes wait for the next transaction, to bound latency. */
const MAX_GROUP = 256;

export interface CommitHooks<D> {
  /** Last statement of a transaction in which at least one write succeeded. */
  beforeCommit(trx: Transaction<D>): Promise<void>;
  /** After the transaction ended, committed or not; errors are ignored. */
  afterCommit(): Promise<void>;
}

export class GroupCommit<D> {
  readonly #db: Kysely<D>;
  readonly #hooks: CommitHooks<D>;
  #queue: Pending<D>[] = [];
  #running = false;

  constructor(db: Kysely<D>, hooks: CommitHooks<D>) {
    this.#db = db;
    this.#hooks = hooks;
  }

  run<T>(work: (trx: Transaction<D>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.#running) {
        this.#running = true;
        // Let the rest of this turn's requests join before the transaction starts.
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const group = this.#queue.splice(0, MAX_GROUP);
      let outcomes: Outcome[];
      try {
        outcomes = await this.#commit(group);
      } catch (error) {
        outcomes = group.map(() => ({ ok: false, error }));
      }
      await this.#hooks.afterCommit().catch(() => undefined);
      group.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
    }
    this.#running = false;
  }

  async #commit(group: Pending<D>[]): Promise<Outcome[]> {
    const trx = await this.#db.startTransaction().execute();
    const outcomes: Outcome[] = [];
    try {
      for (const p of group) {
        await sql`savepoint grouped_write`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await p.work(trx) });
          await sql`release grouped_write`.execute(trx);
        } catch (error) {
          await sql`rollback to grouped_write`.execute(trx);
          await sql`release grouped_write`.execute(trx);
          outcomes.push({ ok: false, error });
        }
      }
      if (outcomes.some((o) => o.ok)) await this.#hooks.beforeCommit(trx);
      await trx.commit().execute();
    } catch (error) {
      await trx.rollback().execute().catch(() => undefined);
      throw error;
    }
    return outcomes;
  }
}
