/**
 * The one retry policy for deadlines, whoever ran them: a deadline (or a cascade) that failed is
 * given back to the store, due again after a delay that doubles with each failure, so the
 * scheduler on some node tries it again. The engine uses it for the cascades it runs right after
 * their commit, the scheduler for everything it fires.
 */
import { backoffDelay, type Backoff } from '../backoff.js';
import type { Deadline, DeadlineStore } from '../store/port.js';

/** 1 minute, then 2, 4, … up to 6 hours. */
export const DEADLINE_BACKOFF: Backoff = { baseMs: 60_000, maxMs: 6 * 3_600_000 };

/** Enough of an error's text to tell what went wrong, without filling the store with a stack. */
const ERROR_TEXT_LIMIT = 2000;

/** When a deadline that has just failed (for the `deadline.attempts + 1`-th time) is due again. */
export function deadlineRetryAt(deadline: Deadline, now: Date, backoff: Backoff = DEADLINE_BACKOFF): string {
  return new Date(now.getTime() + backoffDelay(deadline.attempts + 1, backoff)).toISOString();
}

/**
 * Gives a failed deadline back, due again at `deadlineRetryAt`; answers when. Should the store
 * refuse, the lease runs out on its own and the deadline is due again then.
 */
export async function giveBackFailed(
  store: DeadlineStore,
  deadline: Deadline,
  owner: string,
  error: unknown,
  now: Date,
  backoff: Backoff = DEADLINE_BACKOFF,
): Promise<string> {
  const retryAt = deadlineRetryAt(deadline, now, backoff);
  await store.releaseDeadline(deadline.id, owner, { error: String(error).slice(0, ERROR_TEXT_LIMIT), retryAt });
  return retryAt;
}
