/**
 * Group commit. better-sqlite3 is synchronous, so while one commit waits for its fsync nothing
 * else runs; commits that other requests reach meanwhile are queued, and the next turn of the
 * event loop writes them all in one IMMEDIATE transaction with one fsync. Each commit runs in
 * its own SAVEPOINT: one that fails (a version conflict, a duplicate, a crash in its writes) is
 * rolled back alone and its caller gets the error, the others commit. A caller's promise settles
 * only after the transaction holding its commit has ended, so "resolved" still means "durable".
 */
import type { Database, Transaction } from 'better-sqlite3';

type Outcome = { ok: true } | { ok: false; error: unknown };

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Enough to amortise the fsync, small enough to keep one transaction short. */
const MAX_BATCH = 256;

export class GroupCommit<T> {
  readonly #writeBatch: Transaction<(items: T[]) => Outcome[]>;
  #queue: Waiting<T>[] = [];
  #scheduled = false;

  constructor(db: Database, writeOne: (item: T) => void) {
    // A transaction function called inside another one runs as a SAVEPOINT.
    const one = db.transaction(writeOne);
    this.#writeBatch = db.transaction((items: T[]) =>
      items.map((item): Outcome => {
        try {
          one(item);
          return { ok: true };
        } catch (error) {
          // SQLite rolls the whole transaction back by itself on some errors (a full disk, an I/O
          // error): the commits before this one are gone too, and the next would run outside the
          // batch. Fail the batch, so every caller in it is told, and none is told "written".
          if (!db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /** Queues a commit; settles once it is durable or has failed. */
  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now (also called before the database closes). */
  flush(): void {
    this.#scheduled = false;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      let outcomes: Outcome[];
      try {
        outcomes = this.#writeBatch.immediate(batch.map((w) => w.item));
      } catch (error) {
        // The transaction itself failed (disk full, lock timeout): none of the batch was written.
        for (const waiting of batch) waiting.reject(error);
        continue;
      }
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) waiting.resolve();
        else waiting.reject(outcome.error);
      });
    }
  }
}
