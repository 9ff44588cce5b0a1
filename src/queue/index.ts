/**
 * Background work: what a worker promises (`BackgroundWorker`), the loop they all run on, the one
 * leased-queue worker with its outcomes and its one retry policy (src/queue/README.md).
 */
export { silentLog, type BackgroundWorker, type WorkerLog } from './background-worker.js';
export { PollingLoop, type PollingLoopOptions } from './polling-loop.js';
export { PeriodicTask, type PeriodicTaskOptions } from './periodic-task.js';
export { backoffDelay, retryAt, type Backoff, type RetryPolicy } from '../backoff.js';
export { onSettled, settle, type BySettlement, type Failure, type Outcome, type QueueItem, type Settled } from './outcome.js';
export { LeasedQueueWorker, type Attempt, type LeasedQueue, type LeasedQueueWorkerOptions, type PassTally } from './leased-queue-worker.js';
