/**
 * What one attempt at a queued item came to, as the work says it (`Outcome`), and what the worker
 * made of it under the retry policy (`Settled`). The work decides only whether a failure could
 * pass: a `retry` may succeed later (a greylisting 4xx, a 503, a network error, a conflicting
 * commit), a `permanent` one never will (a 5xx refusal of the recipient, an address the policy
 * refuses). Both carry a `code` to decide by and a `detail` for people (`lastError`, the log).
 */
import { retryAt as retryTime, type RetryPolicy } from '../backoff.js';

/** A failed attempt: a code to decide by, a sentence for people, the error itself for the log. */
export interface Failure {
  /** Stable, for programs and tests (e.g. `SMTP_TRANSIENT`, `HTTP_STATUS`, `ADDRESS_REFUSED`). */
  code: string;
  /** What went wrong, for `lastError` and the admin views: the server's reply when there is one. */
  detail: string;
  /** The error thrown, if any, for the log. */
  cause?: unknown;
}

/**
 * What one attempt came to. `F` is the queue's failure, when it records more than a code and a
 * detail (the webhooks' HTTP status).
 */
export type Outcome<Done, F extends Failure = Failure> = { kind: 'done'; result: Done } | ({ kind: 'retry' } & F) | ({ kind: 'permanent' } & F);

/** Something a claimed item carries: its id and how many attempts have failed before this one. */
export interface QueueItem {
  id: string;
  attempts: number;
}

/** Done: the queue records it so (or, for a deadline, its commit already did). */
export interface SettledDone<Item, Done> {
  kind: 'done';
  item: Item;
  at: string;
  result: Done;
}

/** Failed, due again at `retryAt`; `attempts` counts this one. */
export type SettledRetry<Item, F extends Failure = Failure> = { kind: 'retry'; item: Item; at: string; attempts: number; retryAt: string } & F;

/** Failed for good: a permanent failure, or the policy's last attempt. */
export type SettledDead<Item, F extends Failure = Failure> = { kind: 'dead'; item: Item; at: string; attempts: number; because: 'permanent' | 'attempts' } & F;

export type Settled<Item, Done, F extends Failure = Failure> = SettledDone<Item, Done> | SettledRetry<Item, F> | SettledDead<Item, F>;

/**
 * One handler per kind of settlement. `onSettled` indexes it by `settled.kind`, so a kind added to
 * `Settled` and not here fails to compile: a new outcome cannot be forgotten.
 */
export interface BySettlement<Item, Done, R, F extends Failure = Failure> {
  done: (settled: SettledDone<Item, Done>) => R;
  retry: (settled: SettledRetry<Item, F>) => R;
  dead: (settled: SettledDead<Item, F>) => R;
}

/** Calls the handler of `settled`'s kind. */
export function onSettled<Item, Done, R, F extends Failure = Failure>(settled: Settled<Item, Done, F>, handlers: BySettlement<Item, Done, R, F>): R {
  const handler: (s: Settled<Item, Done, F>) => R = handlers[settled.kind] as (s: Settled<Item, Done, F>) => R;
  return handler(settled);
}

/**
 * Settles one attempt: a failure is retried under the policy until its attempts run out; a
 * permanent one is given up at once.
 */
export function settle<Item extends QueueItem, Done, F extends Failure = Failure>(
  item: Item,
  outcome: Outcome<Done, F>,
  now: Date,
  policy: RetryPolicy,
  random: () => number,
): Settled<Item, Done, F> {
  const at = now.toISOString();
  const attempts = item.attempts + 1;
  switch (outcome.kind) {
    case 'done':
      return { kind: 'done', item, at, result: outcome.result };
    case 'retry': {
      const failure = failureOf<F>(outcome);
      const next = retryTime(attempts, now, policy, random);
      return next === null ? { ...failure, kind: 'dead', item, at, attempts, because: 'attempts' } : { ...failure, kind: 'retry', item, at, attempts, retryAt: next };
    }
    case 'permanent':
      return { ...failureOf<F>(outcome), kind: 'dead', item, at, attempts, because: 'permanent' };
    default:
      return unknownOutcome(outcome);
  }
}

/** The failure's own fields (code, detail and the queue's extras), as they came. */
function failureOf<F extends Failure>(outcome: { kind: string } & F): F {
  const { kind: _kind, ...failure } = outcome;
  return failure as unknown as F;
}

/** Compiles only when every kind of outcome has its case above. */
function unknownOutcome(outcome: never): never {
  throw new Error(`an outcome of no known kind: ${JSON.stringify(outcome)}`);
}
