/**
 * The one leased-queue worker (src/queue/README.md): claim a batch under a lease → attempt each
 * item → settle each outcome under the retry policy (done / retry / dead) → record the batch's
 * results → claim again; or, with `inFlight`, claim what there is room for, start each at once and
 * record each as it ends, so a slow attempt holds up no other. It runs on the polling loop and
 * knows nothing of what an item is: the queue it is given claims, attempts and records (the
 * outbox, the webhook deliveries, the deadlines each define one beside their own code).
 */
import type { Clock } from '../clock.js';
import type { Lease } from '../store/port.js';
import type { BackgroundWorker, WorkerLog } from './background-worker.js';
import type { RetryPolicy } from '../backoff.js';
import { settle, type Failure, type Outcome, type QueueItem, type Settled } from './outcome.js';
import { PollingLoop } from './polling-loop.js';

/** One attempt at one item of the batch in hand. It should answer, not throw: a throw is a `retry`. */
export type Attempt<Item, Done, F extends Failure = Failure> = (item: Item) => Promise<Outcome<Done, F>>;

/** What a queue offers the worker: its store's claim and record, and the work of one attempt. */
export interface LeasedQueue<Item extends QueueItem, Done, F extends Failure = Failure> {
  /** Takes up to `lease.limit` due items nobody holds, for `lease.leaseMs`. */
  claim(lease: Lease): Promise<readonly Item[]>;
  /** The attempt for a claimed batch; what the batch's attempts share (a directory read once) is prepared here. */
  forBatch(batch: readonly Item[]): Promise<Attempt<Item, Done, F>>;
  /**
   * Records what became of the attempted items, in one write where the store offers one.
   *
   * @returns the ids of the items whose lease `owner` had lost meanwhile (nothing recorded for them).
   */
  record(owner: string, settled: readonly Settled<Item, Done, F>[]): Promise<readonly string[]>;
  /** Gives back the leases `owner` holds, so another node takes the items at once; answers how many. */
  releaseLeases(owner: string): Promise<number>;
}

/** How a pass's report is kept: a queue counts in its own words (`sent`, `delivered`, `fired`). */
export interface PassTally<Item, Done, Report, F extends Failure = Failure> {
  empty(): Report;
  claimed(report: Report, count: number): void;
  /** One attempted item; `leaseLost` when another node held it by the time it was recorded. */
  add(report: Report, settled: Settled<Item, Done, F>, leaseLost: boolean): void;
}

export interface LeasedQueueWorkerOptions<Item extends QueueItem, Done, Report, F extends Failure = Failure> {
  /** The worker's name (`BackgroundWorker.name`). */
  name: string;
  queue: LeasedQueue<Item, Done, F>;
  tally: PassTally<Item, Done, Report, F>;
  /** The failure an attempt that threw is settled as: a retry, with the error as its detail and cause. */
  thrown: (error: unknown) => F;
  /** The service clock: what is due, leases, retry times. */
  clock: Clock;
  /** Names this worker in the leases it takes; unique per node. */
  owner: string;
  /** The pause between two passes. */
  intervalMs: number;
  /** How long a claim holds before another node may take the item. */
  leaseMs: number;
  /** Items claimed at a time. */
  batchSize: number;
  policy: RetryPolicy;
  /** Jitter's source, in [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number;
  /** Items of a batch attempted at once (1 unless given). */
  concurrency?: number;
  /**
   * Attempts that outlive their pass, at most this many at once over every pass (the webhooks,
   * whose receivers may be slow). A pass then claims only what fits, starts each claimed item at
   * once and records each as it ends, so a slow attempt never holds up the next claim; an attempt
   * that ends wakes the loop to fill its place. `concurrency` and `attemptBudgetMs` do not apply:
   * nothing claimed waits to start. Without it, a pass attempts its batch and records it before
   * claiming again.
   */
  inFlight?: number;
  /** No attempt starts later than this before the lease ends, so that each ends inside it. */
  attemptBudgetMs?: number;
  /**
   * When a pass stops claiming: after a batch that was not full (`while-full`: nothing more is
   * due), or only once a claim comes back empty (`until-empty`: an attempt may make more items
   * due at once, as a late deadline sets another that has passed too).
   */
  drain: 'while-full' | 'until-empty';
  log: WorkerLog;
  /** What the log says when a timed pass throws. */
  failureMessage: string;
  /** What the log says when leases are given back at `stop()`. */
  releasedMessage: string;
  /** Told what each timed pass did. */
  onPass?: (report: Report) => void;
  /** Told what every pass did, `runOnce()` included. */
  onPassEnd?: (report: Report) => void;
}

export class LeasedQueueWorker<Item extends QueueItem, Done, Report extends object, F extends Failure = Failure> implements BackgroundWorker {
  readonly name: string;
  readonly #o: LeasedQueueWorkerOptions<Item, Done, Report, F>;
  readonly #loop: PollingLoop<Report>;
  readonly #random: () => number;
  /** With `inFlight`: the attempts running, each until it is recorded. */
  readonly #running = new Set<Promise<void>>();
  /** With `inFlight`: when the attempts a pass started have all been recorded. */
  readonly #passEnds = new WeakMap<Report, Promise<void>>();

  constructor(options: LeasedQueueWorkerOptions<Item, Done, Report, F>) {
    this.name = options.name;
    this.#o = options;
    this.#random = options.random ?? Math.random;
    this.#loop = new PollingLoop({
      pass: () => (options.inFlight === undefined ? this.#pass() : this.#flowingPass(options.inFlight)),
      intervalMs: options.intervalMs,
      log: options.log,
      failureMessage: options.failureMessage,
      ...(options.onPass ? { onPass: (report: Report) => void this.#ended(report).then(() => options.onPass?.(report)).catch((error: unknown) => options.log.error({ err: error }, options.failureMessage)) } : {}),
    });
  }

  /** A pass at once, then one every `intervalMs` after the previous pass ends. */
  start(): void {
    this.#loop.start();
  }

  /** Lets the items in flight finish and be recorded, stops, and gives back the leases on the rest of the batch. */
  async stop(): Promise<void> {
    await this.#loop.stop();
    await Promise.all(this.#running);
    const released = await this.#o.queue.releaseLeases(this.#o.owner);
    if (released > 0) this.#o.log.info({ released }, this.#o.releasedMessage);
  }

  /**
   * One pass, after the one in hand if any, answered once its attempts are recorded: tests call
   * it with a manual clock instead of `start()`.
   */
  async runOnce(): Promise<Report> {
    const report = await this.#loop.runOnce();
    await this.#ended(report);
    return report;
  }

  #ended(report: Report): Promise<void> {
    return this.#passEnds.get(report) ?? Promise.resolve();
  }

  /**
   * A pass of `inFlight`: claims while there is room, starts every claimed item at once, and
   * answers without waiting for them; its report is complete when `#ended` says so.
   */
  async #flowingPass(inFlight: number): Promise<Report> {
    const { queue, tally, clock, owner, leaseMs, batchSize } = this.#o;
    const report = tally.empty();
    const started: Promise<void>[] = [];
    while (!this.#loop.stopping) {
      const room = Math.min(batchSize, inFlight - this.#running.size);
      if (room <= 0) break;
      const batch = await queue.claim({ owner, now: clock.now().toISOString(), leaseMs, limit: room });
      tally.claimed(report, batch.length);
      if (batch.length > 0) {
        const attempt = await queue.forBatch(batch);
        for (const item of batch) started.push(this.#run(this.#attemptAndRecord(attempt, item, report)));
      }
      if (batch.length < room) break;
    }
    // Every attempt catches its own errors; a throwing listener is logged, never left unhandled.
    const ended = Promise.all(started)
      .then(() => this.#o.onPassEnd?.(report))
      .catch((error: unknown) => this.#o.log.error({ err: error }, this.#o.failureMessage));
    this.#passEnds.set(report, ended);
    return report;
  }

  /** Counts an attempt as running until it is recorded; its end wakes the loop to fill its place. */
  #run(work: Promise<void>): Promise<void> {
    this.#running.add(work);
    return work.finally(() => {
      this.#running.delete(work);
      this.#loop.wake();
    });
  }

  /** One item of `inFlight`: attempted, settled and recorded on its own. Never rejects: a failed record is logged, and the lease runs out. */
  async #attemptAndRecord(attempt: Attempt<Item, Done, F>, item: Item, report: Report): Promise<void> {
    const { queue, tally, clock, policy, thrown, owner, log } = this.#o;
    try {
      const outcome = await attempt(item).catch((error: unknown): Outcome<Done, F> => ({ ...thrown(error), kind: 'retry' }));
      const settled = settle(item, outcome, clock.now(), policy, this.#random);
      const lost = await queue.record(owner, [settled]);
      tally.add(report, settled, lost.includes(item.id));
    } catch (error) {
      log.error({ err: error, id: item.id }, this.#o.failureMessage);
    }
  }

  async #pass(): Promise<Report> {
    const { queue, tally, clock, owner, leaseMs, batchSize, drain, attemptBudgetMs } = this.#o;
    const report = tally.empty();
    while (!this.#loop.stopping) {
      const claimedAt = clock.now().getTime();
      const batch = await queue.claim({ owner, now: new Date(claimedAt).toISOString(), leaseMs, limit: batchSize });
      tally.claimed(report, batch.length);
      const settled = await this.#attemptBatch(batch, attemptBudgetMs === undefined ? Infinity : claimedAt + leaseMs - attemptBudgetMs);
      const lost = settled.length === 0 ? new Set<string>() : new Set(await queue.record(owner, settled));
      for (const one of settled) tally.add(report, one, lost.has(one.item.id));
      if (drain === 'while-full' ? batch.length < batchSize : batch.length === 0) break;
    }
    this.#o.onPassEnd?.(report);
    return report;
  }

  /**
   * Attempts a batch, `concurrency` items at a time, and settles each. No attempt starts after
   * `lastStart` or once stopping: those items stay claimed until their lease runs out or `stop()`
   * gives it back.
   */
  async #attemptBatch(batch: readonly Item[], lastStart: number): Promise<Settled<Item, Done, F>[]> {
    if (batch.length === 0) return [];
    const { queue, clock, policy, thrown, concurrency = 1 } = this.#o;
    const attempt = await queue.forBatch(batch);
    const settled: Settled<Item, Done, F>[] = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < batch.length && !this.#loop.stopping && clock.now().getTime() <= lastStart) {
        const item = batch[next++]!;
        const outcome = await attempt(item).catch((error: unknown): Outcome<Done, F> => ({ ...thrown(error), kind: 'retry' }));
        settled.push(settle(item, outcome, clock.now(), policy, this.#random));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
    return settled;
  }
}
