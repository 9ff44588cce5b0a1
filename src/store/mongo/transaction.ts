/**
 * One multi-document transaction, retried as the driver's `withTransaction` retries it, but within
 * the store's bound (`timeouts.ts`) rather than the driver's fixed 120 s: the whole work again on
 * a `TransientTransactionError` (a conflict, a lost primary: the server aborted all of it), the
 * commit again on an `UnknownTransactionCommitResult` (its answer was lost), until the bound is
 * spent; then the last error is thrown, and `unavailable.ts` says whether it may have been written.
 *
 * It speaks to the session through `TransactionSession`, the four calls it needs (mongoose's
 * `ClientSession` is one), so its retries can be checked without a server.
 */
import type { TransactionOptions, WriteConcern } from 'mongodb';
import type { ClientSession, Connection } from 'mongoose';

export interface TransactionSession {
  startTransaction(options?: TransactionOptions): void;
  commitTransaction(): Promise<unknown>;
  abortTransaction(): Promise<unknown>;
  inTransaction(): boolean;
}

export interface TransactionBounds {
  /** How long the transaction may go on, its retries included. */
  budgetMs: number;
  /** A monotonic clock in milliseconds. */
  now?: () => number;
  /** Waits between attempts (jittered, as the driver does). */
  pause?: (ms: number) => Promise<void>;
}

const hasLabel = (error: unknown, label: string): boolean =>
  typeof error === 'object' && error !== null && typeof (error as { hasErrorLabel?: unknown }).hasErrorLabel === 'function' && (error as { hasErrorLabel: (l: string) => boolean }).hasErrorLabel(label);

/** A commit stopped by its own `maxCommitTimeMS`: retrying it would only wait again, as the driver also decides. */
const maxTimeExpired = (error: unknown): boolean => {
  const e = error as { code?: unknown; writeConcernError?: { code?: unknown }; result?: { writeConcernError?: { code?: unknown } } };
  return e?.code === 50 || e?.writeConcernError?.code === 50 || e?.result?.writeConcernError?.code === 50;
};

const backoff = (attempt: number): number => Math.random() * Math.min(5 * 1.5 ** attempt, 500);

export async function runTransaction<T>(session: TransactionSession, work: () => Promise<T>, options: TransactionOptions, bounds: TransactionBounds): Promise<T> {
  const now = bounds.now ?? (() => performance.now());
  const pause = bounds.pause ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + bounds.budgetMs;
  for (let attempt = 0; ; attempt += 1) {
    if (attempt > 0) await pause(backoff(attempt));
    session.startTransaction(options);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      if (hasLabel(error, 'TransientTransactionError') && now() < deadline) continue;
      throw error;
    }
    const retryWhole = await commit(session, now, deadline);
    if (!retryWhole) return result;
  }
}

/** Commits, again while its result is unknown and time is left; answers true when the whole transaction must run again. */
async function commit(session: TransactionSession, now: () => number, deadline: number): Promise<boolean> {
  for (;;) {
    try {
      await session.commitTransaction();
      return false;
    } catch (error) {
      if (hasLabel(error, 'UnknownTransactionCommitResult') && !maxTimeExpired(error) && now() < deadline) continue;
      if (hasLabel(error, 'TransientTransactionError') && now() < deadline) return true;
      throw error;
    }
  }
}

/** Runs `work` in one transaction, all of it or none; the session is passed to every write of it. */
export type InTransaction = (work: (session: ClientSession) => Promise<void>) => Promise<void>;

/** Transactions on a connection, with the store's write concern and bound (`timeouts.ts`). */
export function transactionsOn(connection: Connection, writeConcern: WriteConcern, bounds: { maxCommitTimeMS: number; budgetMs: number }): InTransaction {
  const options: TransactionOptions = { readConcern: { level: 'snapshot' }, writeConcern, readPreference: 'primary', maxCommitTimeMS: bounds.maxCommitTimeMS };
  return async (work) => {
    const session = await connection.startSession();
    try {
      await runTransaction(session, () => work(session), options, { budgetMs: bounds.budgetMs });
    } finally {
      await session.endSession();
    }
  };
}
