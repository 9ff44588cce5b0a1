/**
 * How long any one operation of the MongoDB store may take, and where that bound is set. Without
 * one, a `w: 'majority'` write waits for ever once a majority is lost (a primary, secondary and
 * arbiter with the secondary down: the primary stays, takes the write, and waits for a second
 * copy that never comes), so no commit, claim or `markSent` returns and STORE_UNAVAILABLE never
 * fires.
 *
 * Driver 7's client-side `timeoutMS` is not used: in 7.8 it is deprecated and ignored ("has no
 * effect", connection_string.js and sessions.js). The bound is set where the server and the driver
 * honour it: `wtimeoutMS` on every write concern (a write applied but not confirmed in time is a
 * `WriteConcernFailed` error, code 64), `maxTimeMS` on every command (`MaxTimeMSExpired`, 50),
 * `maxCommitTimeMS` on a transaction's commit, the time to choose a server and to check out a
 * connection, and a socket timeout a little beyond the bound for a server that stops answering
 * (`MongoNetworkTimeoutError`). Each of these maps to STORE_UNAVAILABLE (`unavailable.ts`).
 */
import type { WriteConcern } from 'mongodb';

/** The default bound of one operation (MRA_MONGODB_TIMEOUT_MS). */
export const DEFAULT_OPERATION_TIMEOUT_MS = 10_000;

export interface Bounds {
  /** The write concern of every write, the commit's included: `w` with `wtimeoutMS`. */
  writeConcern: WriteConcern;
  /** Options of the connection: server selection, the pool's queue and the socket are bounded. */
  connection: { serverSelectionTimeoutMS: number; waitQueueTimeoutMS: number; socketTimeoutMS: number };
  /** `maxTimeMS` of every command the store sends. */
  operation: { maxTimeMS: number };
  /** The options of every transaction, and how long one may go on, its retries included. */
  transaction: { maxCommitTimeMS: number; budgetMs: number };
}

/**
 * The bounds for one operation timeout. The socket waits twice as long as the server is given, so a
 * server that answers `MaxTimeMSExpired` in time is heard rather than cut off.
 */
export function boundsOf(options: { writeConcern?: 'majority' | number; operationTimeoutMs?: number; serverSelectionTimeoutMs?: number }): Bounds {
  const ms = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  return {
    writeConcern: { w: options.writeConcern ?? 'majority', wtimeoutMS: ms },
    connection: { serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? ms, waitQueueTimeoutMS: ms, socketTimeoutMS: 2 * ms },
    operation: { maxTimeMS: ms },
    transaction: { maxCommitTimeMS: ms, budgetMs: ms },
  };
}
