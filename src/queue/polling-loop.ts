/**
 * The one polling loop every background worker runs on: a pass at once, then one `intervalMs`
 * after the previous pass ends, on a single unref'd timer (never one per item, and never one that
 * keeps the process alive). Passes never overlap: `runOnce()` made while one runs waits for it.
 *
 * A pass is the worker's own function; it should check `stopping` between items, so that `stop()`
 * lets the item in hand finish and leaves the rest of its batch to the lease. `stop()` resolves
 * when the pass in hand has ended, which is the moment to give leases back or close connections.
 */
import type { WorkerLog } from './background-worker.js';

export interface PollingLoopOptions<T> {
  /** Does the work that is due now and answers what it did. */
  pass: () => Promise<T>;
  /** The pause between the end of one pass and the start of the next. */
  intervalMs: number;
  log: WorkerLog;
  /** Told what each timed pass did (e.g. to log a summary). */
  onPass?: (result: T) => void;
  /** What the log says when a timed pass throws; the loop carries on at the next interval. */
  failureMessage: string;
}

export class PollingLoop<T> {
  readonly #options: PollingLoopOptions<T>;
  #timer: NodeJS.Timeout | null = null;
  #current: Promise<T> | null = null;
  #stopping = false;
  /** A timed pass is running: a wake then makes the next one follow at once, not after the interval. */
  #ticking = false;
  #woken = false;

  constructor(options: PollingLoopOptions<T>) {
    this.#options = options;
  }

  /** True from `stop()` until the next `start()`: a pass should finish its item and end. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Runs a pass now, then one every interval after each ends. Starting a started loop does nothing. */
  start(): void {
    if (this.#timer !== null) return;
    this.#stopping = false;
    this.#schedule(0);
  }

  /** Stops the timer and resolves once the pass in hand (if any) has ended. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#current?.catch(() => undefined);
  }

  /**
   * Runs the next pass now instead of at the interval (work of the worker's own ended and made
   * room for more); after the pass in hand, if one runs. Does nothing unless started.
   */
  wake(): void {
    if (this.#timer === null || this.#stopping) return;
    if (this.#ticking) {
      this.#woken = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#schedule(0);
  }

  /** One pass, after the one in hand if any. Tests call it with a manual clock instead of `start()`. */
  runOnce(): Promise<T> {
    const previous = this.#current?.catch(() => undefined) ?? Promise.resolve();
    const run = previous.then(() => this.#options.pass());
    this.#current = run;
    const settled = (): void => {
      if (this.#current === run) this.#current = null;
    };
    run.then(settled, settled);
    return run;
  }

  #schedule(delayMs: number): void {
    this.#timer = setTimeout(() => void this.#tick(), delayMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    this.#ticking = true;
    this.#woken = false;
    try {
      // Not `onPass?.(await …)`: an optional call skips its arguments, and so the pass, when unset.
      const result = await this.runOnce();
      this.#options.onPass?.(result);
    } catch (error) {
      this.#options.log.error({ err: error }, this.#options.failureMessage);
    }
    this.#ticking = false;
    if (!this.#stopping) this.#schedule(this.#woken ? 0 : this.#options.intervalMs);
  }
}
