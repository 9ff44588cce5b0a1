/**
 * The deadline scheduler (docs/architecture.md, "Durable time"): every node runs one, a
 * leased-queue worker (`src/queue/`) over the due timers: state deadlines, and cascade tasks no
 * commit ran to their end. This file is the timers as a queue: claim the due ones under a lease,
 * so several nodes share them without firing one twice; fire each, in due order, through the
 * engine (a deadline's event, with the system as the actor and the history naming the deadline;
 * a cascade task's fan-out); give a failed one back to be retried under `TIMER_RETRY`. The
 * engine's commit completes the timer's row, so even a deadline whose lease ran out while it was
 * being fired fires once.
 *
 * Time is the service clock, never a timer per deadline: one poll timer finds whatever has become
 * due, however far ahead it was set (Node's timers stop at about 24.8 days) and whether or not the
 * service was running when it fell due.
 */
import type { Engine, TimerOutcome } from '../../engine/engine.js';
import type { Timer, TimerQueue } from '../../store/port.js';
import { LeasedQueueWorker, onSettled, type BackgroundWorker, type Failure, type LeasedQueue, type Outcome, type PassTally, type RetryPolicy, type Settled, type WorkerLog } from '../../queue/index.js';
import { TIMER_RETRY, ERROR_TEXT_LIMIT } from '../../engine/timer-retry.js';

/** What the scheduler needs of the engine: firing, its clock and node, and the timers' part of the store. */
export type FiringEngine = Pick<Engine, 'fireTimer' | 'clock' | 'nodeId'> & {
  store: Pick<TimerQueue, 'claimDueDeadlines' | 'releaseDeadline' | 'releaseDeadlineLeases'>;
};

export interface SchedulerOptions {
  engine: FiringEngine;
  log: WorkerLog;
  /** How often to look for due deadlines (`MRA_SCHEDULER_INTERVAL_MS`). */
  intervalMs: number;
  /** Names this scheduler in the leases it takes; the engine's node id unless given. */
  owner?: string;
  /** How many deadlines one claim takes. */
  batchSize?: number;
  /** How long a claim holds before another node may take the deadline over. */
  leaseMs?: number;
  /** When a deadline that failed is tried again; `TIMER_RETRY` unless given. */
  backoff?: RetryPolicy;
  /** The retry delays' jitter, in [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number;
}

/** What one run did: `fired` transitions, `cascaded` fan-outs run, `skipped` deadlines whose event no longer applied. */
export interface SchedulerRun {
  fired: number;
  cascaded: number;
  skipped: number;
  failed: number;
}

const DEFAULT_BATCH_SIZE = 50;
// Long enough to fire a whole batch; should it run out, the commit still refuses a second firing.
const DEFAULT_LEASE_MS = 60_000;

/** Where each answer of `fireTimer` is counted. */
const COUNTED_AS: Record<TimerOutcome, keyof SchedulerRun> = {
  applied: 'fired',
  cascaded: 'cascaded',
  skipped: 'skipped',
  missing: 'skipped',
  'already-handled': 'skipped',
};

/**
 * The due timers as a leased queue. A firing that throws is a `retry` (a conflicting commit, a
 * store that failed): no failure of a timer is permanent. A done firing has nothing to record:
 * the engine's commit completed the timer.
 */
export function dueTimerQueue(engine: FiringEngine, owner: string, policy: RetryPolicy, log: WorkerLog): LeasedQueue<Timer, TimerOutcome> {
  const store = engine.store;
  return {
    claim: async (lease) => {
      try {
        return await store.claimDueDeadlines(lease);
      } catch (error) {
        log.error({ err: error }, 'could not look for due deadlines; will look again at the next poll');
        return [];
      }
    },
    forBatch: () =>
      Promise.resolve(async (timer): Promise<Outcome<TimerOutcome>> => {
        try {
          return { kind: 'done', result: await engine.fireTimer(timer, owner) };
        } catch (error) {
          return { kind: 'retry', ...firingFailed(error) };
        }
      }),
    record: async (_owner, settled) => {
      for (const one of settled) await recordOne(one);
      return [];
    },
    releaseLeases: (leaseOwner) => store.releaseDeadlineLeases(leaseOwner),
  };

  function recordOne(settled: Settled<Timer, TimerOutcome>): Promise<void> {
    return onSettled<Timer, TimerOutcome, Promise<void>>(settled, {
      done: ({ item, result }) => Promise.resolve(log.debug({ deadline: describe(item), outcome: result }, 'deadline handled')),
      retry: ({ item, detail, cause, attempts, retryAt }) => giveBack(item, detail, cause, attempts, retryAt),
      // Only a policy with an attempt limit gives a timer up; the store keeps no dead timer, so it waits the longest.
      dead: ({ item, at, detail, cause, attempts }) => giveBack(item, detail, cause, attempts, new Date(Date.parse(at) + policy.maxMs).toISOString()),
    });
  }

  /** Reports the failure and hands the timer back, to be tried again at `retryAt`. */
  async function giveBack(timer: Timer, detail: string, error: unknown, attempts: number, retryAt: string): Promise<void> {
    try {
      await store.releaseDeadline(timer.id, owner, { error: detail, retryAt });
      log.error({ err: error, deadline: describe(timer), attempts, retryAt }, 'deadline failed; it will be tried again');
    } catch (releaseError) {
      log.error({ err: error, deadline: describe(timer), attempts }, 'deadline failed');
      // Its lease runs out on its own; the timer is then due again.
      log.error({ err: releaseError, deadline: describe(timer) }, 'could not hand a failed deadline back');
    }
  }
}

/** A firing that threw: its event or its cascade did not commit (a conflict, a store that failed). */
function firingFailed(error: unknown): Failure {
  return { code: 'FIRING_FAILED', detail: String(error).slice(0, ERROR_TEXT_LIMIT), cause: error };
}

const schedulerTally: PassTally<Timer, TimerOutcome, SchedulerRun> = {
  empty: () => ({ fired: 0, cascaded: 0, skipped: 0, failed: 0 }),
  claimed: () => undefined,
  add: (run, settled) =>
    onSettled<Timer, TimerOutcome, void>(settled, {
      done: ({ result }) => void (run[COUNTED_AS[result]] += 1),
      retry: () => void (run.failed += 1),
      dead: () => void (run.failed += 1),
    }),
};

export class Scheduler implements BackgroundWorker {
  readonly name = 'scheduler';
  readonly #worker: LeasedQueueWorker<Timer, TimerOutcome, SchedulerRun>;

  constructor(options: SchedulerOptions) {
    const { engine, log } = options;
    const owner = options.owner ?? engine.nodeId;
    const policy = options.backoff ?? TIMER_RETRY;
    this.#worker = new LeasedQueueWorker({
      name: this.name,
      queue: dueTimerQueue(engine, owner, policy, log),
      tally: schedulerTally,
      thrown: firingFailed,
      clock: engine.clock,
      owner,
      intervalMs: options.intervalMs,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      // Not only while batches come back full: firing a late deadline can set another that is
      // already due (a renewal reminder fired after a long downtime sets an expiry that has passed
      // too), and a backlog should drain in one go at start-up. It ends: every claimed deadline is
      // completed or released to a later retry.
      drain: 'until-empty',
      policy,
      ...(options.random ? { random: options.random } : {}),
      log,
      failureMessage: 'the scheduler run failed',
      releasedMessage: 'deadline leases given back',
      onPassEnd: (run) => {
        if (run.fired + run.cascaded + run.skipped + run.failed > 0) log.info({ ...run }, 'due deadlines fired');
      },
    });
  }

  /** Runs once now, then `intervalMs` after each run ends. */
  start(): void {
    this.#worker.start();
  }

  /** Stops polling: the deadline being fired finishes, and the leases on the rest of its batch are given back for another node to take at once. */
  stop(): Promise<void> {
    return this.#worker.stop();
  }

  /**
   * Fires every deadline due at the clock's time, then answers what it did. Tests call it with a
   * manual clock instead of `start()`; a call made while a run is going waits for it and runs after.
   */
  runOnce(): Promise<SchedulerRun> {
    return this.#worker.runOnce();
  }
}

/** The timer as the log names it (the log's key stays `deadline`, which dashboards may query). */
function describe(timer: Timer): Record<string, string> {
  return { id: timer.id, kind: timer.kind, instanceId: timer.instanceId, event: timer.event, dueAt: timer.dueAt };
}
