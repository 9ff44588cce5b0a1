/**
 * A background worker that runs one task every interval on the one polling loop, for upkeep that
 * claims nothing (each pass is whole and may run on every node at once), such as deleting the
 * sessions and sign-in tokens that have expired.
 */
import type { BackgroundWorker, WorkerLog } from './background-worker.js';
import { PollingLoop } from './polling-loop.js';

export interface PeriodicTaskOptions {
  name: string;
  /** One pass of the task; running it twice at once, or on two nodes, must do no harm. */
  task: () => Promise<void>;
  intervalMs: number;
  log: WorkerLog;
}

export class PeriodicTask implements BackgroundWorker {
  readonly name: string;
  readonly #loop: PollingLoop<void>;

  constructor(options: PeriodicTaskOptions) {
    this.name = options.name;
    this.#loop = new PollingLoop({ pass: options.task, intervalMs: options.intervalMs, log: options.log, failureMessage: `${options.name} failed; trying again at the next interval` });
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** One pass now (after the one in hand), as a test with a manual clock runs it. */
  runOnce(): Promise<void> {
    return this.#loop.runOnce();
  }
}
