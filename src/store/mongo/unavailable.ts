/**
 * Which MongoDB errors mean the store cannot work now, and whether the refused write may still
 * have been applied. Matched by the driver's error classes, labels and codes, never by a name
 * string (a subclass such as `MongoNetworkTimeoutError` or the pool's "cleared" error is a
 * `MongoNetworkError`), but for the two pool errors the driver does not export.
 *
 * "Nothing was written" is said only where the server cannot have applied anything: the request
 * never left (no server selected, the pool closed or cleared, its queue timed out, the client
 * closed), the server refused it before running it (not the primary, overloaded), or the
 * transaction it belonged to was aborted (`TransientTransactionError`). Everywhere else (a
 * connection lost after sending, a write concern that timed out, a commit whose result is
 * unknown, an operation interrupted part way, which for an `updateMany` leaves some documents
 * changed) the answer says it may have been written, so nobody repeats it blindly.
 */
import mongoose from 'mongoose';
import type { Unavailable, UnavailableReason } from '../unavailable.js';

const {
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} = mongoose.mongo;

/** Driver errors raised before a request is sent; the driver keeps their classes internal, so only their names tell them. */
const NEVER_SENT_NAMES = new Set(['MongoPoolClearedError', 'PoolClearedOnNetworkError', 'MongoPoolClosedError', 'MongoWaitQueueTimeoutError']);

/** Server codes of a refusal before the operation ran: nothing was applied. */
const REFUSED = new Map<number, string>([
  [10107, 'no primary'], // NotWritablePrimary
  [13435, 'no primary'], // NotPrimaryNoSecondaryOk
  [13436, 'no primary'], // NotPrimaryOrSecondary
  [462, 'server overloaded'], // IngressRequestRateLimitExceeded
]);

/** Server codes of an operation stopped while it ran, or of a write not confirmed: it may have been applied, in part for a multi-document update. */
const INTERRUPTED = new Map<number, string>([
  [14031, 'disk full'], // OutOfDiskSpace
  [189, 'no primary'], // PrimarySteppedDown
  [11602, 'no primary'], // InterruptedDueToReplStateChange
  [91, 'server shutting down'], // ShutdownInProgress
  [11600, 'server shutting down'], // InterruptedAtShutdown
  [50, 'timed out'], // MaxTimeMSExpired
  [262, 'timed out'], // ExceededTimeLimit
  [64, 'write not confirmed by a majority in time'], // WriteConcernFailed (wtimeout)
  [6, 'server unreachable'], // HostUnreachable
  [7, 'server unreachable'], // HostNotFound
  [89, 'server unreachable'], // NetworkTimeout
  [9001, 'server unreachable'], // SocketException
]);

/** Codes of a transaction the server aborted: with `TransientTransactionError` nothing of it was written. */
const ABORTED = new Map<number, string>([
  [112, 'write conflict'], // WriteConflict
  [251, 'transaction aborted'], // NoSuchTransaction
  [290, 'transaction too long'], // TransactionExceededLifetimeLimitOnly
  [334, 'transaction too large'], // TransactionTooLargeForCache
  [24, 'lock timeout'], // LockTimeout
]);

const nothing = (reason: string): Unavailable => ({ reason, written: 'nothing' });
const unknown = (reason: string): Unavailable => ({ reason, written: 'unknown' });

/** The server's code, or that of its write concern error (a write applied but not confirmed). */
function codesOf(error: InstanceType<typeof MongoError>): number[] {
  const codes: unknown[] = [error.code];
  const result = (error as { result?: { writeConcernError?: { code?: unknown } } }).result;
  codes.push(result?.writeConcernError?.code, (error as { writeConcernError?: { code?: unknown } }).writeConcernError?.code);
  return codes.filter((code): code is number => typeof code === 'number');
}

export const mongoUnavailable: UnavailableReason = (error) => {
  if (!(error instanceof MongoError)) return null;
  const label = (name: string) => error.hasErrorLabel(name);
  // A commit whose answer was lost: the driver cannot tell, and neither can we.
  if (label('UnknownTransactionCommitResult')) return unknown(reasonOf(error) ?? 'commit not confirmed');
  if (label('NoWritesPerformed')) return nothing(reasonOf(error) ?? 'server unreachable');
  if (error instanceof MongoServerSelectionError || error instanceof MongoTopologyClosedError || error instanceof MongoNotConnectedError || error instanceof MongoServerClosedError) {
    return nothing('server unreachable');
  }
  if (NEVER_SENT_NAMES.has(error.name)) return nothing('server unreachable');
  if (label('SystemOverloadedError')) return nothing('server overloaded');
  const codes = codesOf(error);
  const refused = codes.map((code) => REFUSED.get(code)).find((reason) => reason !== undefined);
  if (refused !== undefined && !(error instanceof MongoWriteConcernError)) return nothing(refused);
  // A transaction the server aborted (a conflict it did not settle in time, a lost primary): all of it undone.
  if (label('TransientTransactionError')) return nothing(reasonOf(error) ?? 'transaction aborted');
  if (error instanceof MongoOperationTimeoutError) return unknown('timed out');
  if (error instanceof MongoNetworkError) return unknown('server unreachable');
  if (error instanceof MongoWriteConcernError) return unknown(reasonOf(error) ?? 'write not confirmed by a majority in time');
  const interrupted = reasonOf(error);
  return interrupted === null ? null : unknown(interrupted);
};

/** A reason in words from the error's codes, or null when none is one of ours. */
function reasonOf(error: InstanceType<typeof MongoError>): string | null {
  if (error instanceof MongoNetworkError) return 'server unreachable';
  if (error instanceof MongoOperationTimeoutError) return 'timed out';
  for (const code of codesOf(error)) {
    const reason = INTERRUPTED.get(code) ?? REFUSED.get(code) ?? ABORTED.get(code);
    if (reason !== undefined) return reason;
  }
  return null;
}
