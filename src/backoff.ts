/**
 * The one retry policy of every leased queue (the outbox, the webhook deliveries, the deadlines):
 * a delay that doubles with each failed attempt up to a ceiling, with "equal jitter" (a random
 * part of up to half of it waived) so that nodes which failed together, after an outage, do not
 * all come back at the same moment; and a number of attempts after which an item is given up.
 */

export interface RetryPolicy {
  /** The wait after the first failure, before jitter. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /**
   * Failed attempts after which an item is given up (`dead`); `Infinity` never gives up (a
   * deadline is an obligation of the agreement, not a message: it waits the ceiling and tries again).
   */
  maxAttempts: number;
}

/** The delays of a policy, without its attempt limit (kept for callers that only wait). */
export type Backoff = Pick<RetryPolicy, 'baseMs' | 'maxMs'>;

/**
 * The wait after `failures` failed attempts (1 for the first): between half of the doubled delay
 * and all of it, never above `maxMs`. `random` answers in [0, 1); tests give a fixed one.
 *
 * @example backoffDelay(3, { baseMs: 60_000, maxMs: 3_600_000 }, () => 1) // 240_000: four minutes
 * @example backoffDelay(3, { baseMs: 60_000, maxMs: 3_600_000 }, () => 0) // 120_000: two minutes
 */
export function backoffDelay(failures: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** When an item that has now failed `attempts` times is due again, or null when it is given up. */
export function retryAt(attempts: number, now: Date, policy: RetryPolicy, random: () => number): string | null {
  if (attempts >= policy.maxAttempts) return null;
  return new Date(now.getTime() + backoffDelay(attempts, policy, random)).toISOString();
}
