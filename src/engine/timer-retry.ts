/**
 * The retry policy of timers (state deadlines and cascade tasks), whoever ran them: a timer that
 * failed is given back to the store, due again after the queues' one backoff (`src/backoff.ts`), so the
 * scheduler on some node tries it again. The scheduler settles its failures under it; the engine
 * gives back with `giveBackFailed` the cascades it runs right after their commit.
 */
import { retryAt, type RetryPolicy } from '../backoff.js';
import type { Timer, TimerQueue } from '../store/port.js';

/**
 * 1 minute, then 2, 4, … up to 6 hours, each less up to half (the jitter); never given up: a
 * deadline is an obligation of the agreement, and the store has no `dead` deadline.
 */
export const TIMER_RETRY: RetryPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000, maxAttempts: Infinity };

/** Enough of an error's text to tell what went wrong, without filling the store with a stack. */
export const ERROR_TEXT_LIMIT = 2000;

/**
 * Gives a failed timer back, due again under `policy`; answers when. Should the store refuse,
 * the lease runs out on its own and the timer is due again then.
 */
export async function giveBackFailed(
  store: Pick<TimerQueue, 'releaseDeadline'>,
  timer: Timer,
  owner: string,
  error: unknown,
  now: Date,
  policy: RetryPolicy = TIMER_RETRY,
  random: () => number = Math.random,
): Promise<string> {
  // A policy without an attempt limit always answers a time; at the limit of one that has, the longest wait.
  const next = retryAt(timer.attempts + 1, now, policy, random) ?? new Date(now.getTime() + policy.maxMs).toISOString();
  await store.releaseDeadline(timer.id, owner, { error: String(error).slice(0, ERROR_TEXT_LIMIT), retryAt: next });
  return next;
}
