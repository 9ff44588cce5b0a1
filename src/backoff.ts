/**
 * When to try again after a failure: a delay that doubles with each failed attempt, up to a
 * ceiling. Used by everything that retries (the e-mail dispatcher, the scheduler, cascades).
 */

export interface Backoff {
  /** The wait after the first failure. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
}

/**
 * The wait after `failures` failed attempts (1 for the first). With `random`, a random part of up
 * to half of it is waived ("equal jitter"), so that nodes which failed together do not all come
 * back at the same moment.
 *
 * @example backoffDelay(3, { baseMs: 60_000, maxMs: 3_600_000 }) // 240_000: four minutes
 */
export function backoffDelay(failures: number, backoff: Backoff, random?: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(Math.max(0, failures - 1), 30));
  return random ? Math.round(ceiling / 2 + random() * (ceiling / 2)) : ceiling;
}
