/**
 * How many reports a bulk load puts in one transaction. A transaction must stay well inside what
 * the store allows: MongoDB aborts one older than `transactionLifetimeLimitSeconds` (60 s) and
 * refuses one too large for its cache (`TransactionTooLargeForCache`), and a batch that is quick
 * on a laptop takes seven round trips per report across regions. So a batch is bounded three ways
 * (`MRA_BULK_COMMITS`, `MRA_BULK_TRANSACTION_BYTES`, `MRA_BULK_TRANSACTION_MS`), and the next
 * batch is sized from what the last one measured: no more commits than allowed, no more bytes than
 * allowed at the bytes per report just seen, and half the time allowed at the time per report just
 * seen (half: latency varies, and a batch that runs over is aborted whole).
 */

export interface BatchLimits {
  /** At most this many reports per transaction. */
  commits: number;
  /** At most about this many bytes written per transaction. */
  bytes: number;
  /** At most this long per transaction. */
  ms: number;
}

/** What the last batch measured. */
export interface BatchMeasure {
  size: number;
  bytes: number;
  ms: number;
}

/**
 * The size of the next batch: `limits.commits` to begin with, then the largest that the last
 * batch's bytes and time per report say fits; at least one.
 *
 * @example nextBatchSize({ commits: 500, bytes: 8e6, ms: 20_000 }, { size: 500, bytes: 2e6, ms: 30_000 }) // 166
 */
export function nextBatchSize(limits: BatchLimits, last?: BatchMeasure): number {
  if (last === undefined || last.size === 0) return limits.commits;
  const byBytes = last.bytes > 0 ? Math.floor((limits.bytes * last.size) / last.bytes) : limits.commits;
  const byTime = last.ms > 0 ? Math.floor((limits.ms / 2) * (last.size / last.ms)) : limits.commits;
  return Math.max(1, Math.min(limits.commits, byBytes, byTime));
}
