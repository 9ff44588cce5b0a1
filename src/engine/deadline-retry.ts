/**
 * The retry policy of deadlines, whoever ran them: a deadline (or a cascade) that failed is given
 * back to the store, due again after the queues' one backoff (`src/backoff.ts`), so the
 * scheduler on some node tries it again. The scheduler settles its failures under it; the engine
 * gives back with `giveBackFailed` the cascades it runs right after their commit.
 */
import { retryAt, type RetryPolicy } from '../backoff.js';
import type { Deadline, DeadlineStore } from '../store/port.js';

/**
 * 1 minute, then 2, 4, … up to 6 hours, each less up to half (the jitter); never given up: a
 * deadline is an obligation of the agreement, and the store has no `dead` deadline.
 */
export const DEADLINE_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: Infinity };

/** Enough of an error's text to tell what went wrong, without filling the store with a stack. */
export const ERROR_TEXT_LIMIT = 2000;

/**
 * Gives a failed deadline back, due again under `policy`; answers when. Should the store refuse,
 * the lease runs out on its own and the deadline is due again then.
 */
export async function giveBackFailed(
  store: Pick<DeadlineStore, 'releaseDeadline'>,
  deadline: Deadline,
  owner: string,
  error: unknown,
  now: Date,
  policy: RetryPolicy = DEADLINE_RETRY,
  random: () => number = Math.random,
): Promise<string> {
  // A policy without an attempt limit always answers a time; at the limit of one that has, the longest wait.
  const next = retryAt(deadline.attempts + 1, now, policy, random) ?? new Date(now.getTime() + policy.maxMs).toISOString();
  await store.releaseDeadline(deadline.id, owner, { error: String(error).slice(0, ERROR_TEXT_LIMIT), retryAt: next });
  return next;
}
