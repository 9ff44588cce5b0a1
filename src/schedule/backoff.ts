/** How long a deadline that failed waits before it is tried again. */

export interface Backoff {
  /** The wait after the first failure; it doubles with each further one. */
  firstMs: number;
  /** The longest wait. */
  maxMs: number;
}

/**
 * The wait before the next attempt, given how many attempts already failed before this one.
 *
 * @example retryDelay(0, { firstMs: 60_000, maxMs: 3_600_000 }) // 60 000: one minute after the first failure
 */
export function retryDelay(failedBefore: number, backoff: Backoff): number {
  return Math.min(backoff.firstMs * 2 ** Math.min(failedBefore, 30), backoff.maxMs);
}
