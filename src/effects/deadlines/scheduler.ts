/**
 * The deadline scheduler (docs/architecture.md, "Durable time"): every node runs one. Each poll it claims the
 * deadlines that are due under a lease, so several nodes share them without firing one twice,
 * and fires each, in due order, through the engine: the system is the actor and the history
 * names the deadline. The engine's commit completes the deadline row, so even a deadline whose
 * lease ran out while it was being fired fires once.
 *
 * Time is the service clock, never a timer per deadline: one poll timer finds whatever has become
 * due, however far ahead it was set (Node's timers stop at about 24.8 days) and whether or not the
 * service was running when it fell due.
 */
import type { Backoff } from '../../backoff.js';
import { DEADLINE_BACKOFF, giveBackFailed } from '../../engine/deadline-retry.js';
import type { Engine } from '../../engine/engine.js';
import type { Deadline } from '../../store/port.js';
import { PollingLoop, type BackgroundWorker, type WorkerLog } from '../../queue/index.js';

export interface SchedulerOptions {
  engine: Engine;
  log: WorkerLog;
  /** How often to look for due deadlines (`MRA_SCHEDULER_INTERVAL_MS`). */
  intervalMs: number;
  /** Names this scheduler in the leases it takes; the engine's node id unless given. */
  owner?: string;
  /** How many deadlines one claim takes. */
  batchSize?: number;
  /** How long a claim holds before another node may take the deadline over. */
  leaseMs?: number;
  /** When a deadline that failed is tried again; the engine's deadline retry policy unless given. */
  backoff?: Backoff;
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

export class Scheduler implements BackgroundWorker {
  readonly name = 'scheduler';
  readonly #engine: Engine;
  readonly #log: WorkerLog;
  readonly #owner: string;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #backoff: Backoff;
  readonly #loop: PollingLoop<SchedulerRun>;

  constructor(options: SchedulerOptions) {
    this.#engine = options.engine;
    this.#log = options.log;
    this.#owner = options.owner ?? options.engine.nodeId;
    this.#batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.#leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.#backoff = options.backoff ?? DEADLINE_BACKOFF;
    this.#loop = new PollingLoop({
      pass: () => this.#drain(),
      intervalMs: options.intervalMs,
      log: options.log,
      failureMessage: 'the scheduler run failed',
    });
  }

  /** Runs once now, then `intervalMs` after each run ends. */
  start(): void {
    this.#loop.start();
  }

  /** Stops polling: the deadline being fired finishes, and the leases on the rest of its batch are given back for another node to take at once. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    const released = await this.#engine.store.releaseDeadlineLeases(this.#owner);
    if (released > 0) this.#log.info({ released }, 'deadline leases given back');
  }

  /**
   * Fires every deadline due at the clock's time, then answers what it did. Tests call it with a
   * manual clock instead of `start()`; a call made while a run is going waits for it and runs after.
   */
  runOnce(): Promise<SchedulerRun> {
    return this.#loop.runOnce();
  }

  /**
   * Claims and fires until a claim comes back empty. Not only while batches come back full: firing
   * a late deadline can set another that is already due (a renewal reminder fired after a long
   * downtime sets an expiry that has passed too), and a backlog should drain in one go at start-up.
   * It ends: every claimed deadline is completed or released to a later retry.
   */
  async #drain(): Promise<SchedulerRun> {
    const run: SchedulerRun = { fired: 0, cascaded: 0, skipped: 0, failed: 0 };
    while (!this.#loop.stopping) {
      const batch = await this.#claim();
      if (batch.length === 0) break;
      for (const deadline of batch) {
        if (this.#loop.stopping) break;
        await this.#fire(deadline, run);
      }
    }
    if (run.fired + run.cascaded + run.skipped + run.failed > 0) this.#log.info({ ...run }, 'due deadlines fired');
    return run;
  }

  async #claim(): Promise<Deadline[]> {
    try {
      return await this.#engine.store.claimDueDeadlines({
        owner: this.#owner,
        now: this.#engine.clock.now().toISOString(),
        leaseMs: this.#leaseMs,
        limit: this.#batchSize,
      });
    } catch (error) {
      this.#log.error({ err: error }, 'could not look for due deadlines; will look again at the next poll');
      return [];
    }
  }

  async #fire(deadline: Deadline, run: SchedulerRun): Promise<void> {
    try {
      const outcome = await this.#engine.fireDeadline(deadline, this.#owner);
      if (outcome === 'applied') run.fired += 1;
      else if (outcome === 'cascaded') run.cascaded += 1;
      else run.skipped += 1;
      this.#log.debug({ deadline: describe(deadline), outcome }, 'deadline handled');
    } catch (error) {
      run.failed += 1;
      await this.#release(deadline, error);
    }
  }

  /** Reports the failure and hands the deadline back, to be tried again after a growing delay. */
  async #release(deadline: Deadline, error: unknown): Promise<void> {
    try {
      const retryAt = await giveBackFailed(this.#engine.store, deadline, this.#owner, error, this.#engine.clock.now(), this.#backoff);
      this.#log.error({ err: error, deadline: describe(deadline), attempts: deadline.attempts + 1, retryAt }, 'deadline failed; it will be tried again');
    } catch (releaseError) {
      this.#log.error({ err: error, deadline: describe(deadline), attempts: deadline.attempts + 1 }, 'deadline failed');
      // Its lease runs out on its own; the deadline is then due again.
      this.#log.error({ err: releaseError, deadline: describe(deadline) }, 'could not hand a failed deadline back');
    }
  }
}

function describe(deadline: Deadline): Record<string, string> {
  return { id: deadline.id, kind: deadline.kind, instanceId: deadline.instanceId, event: deadline.event, dueAt: deadline.dueAt };
}
