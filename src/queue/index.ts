/** Background workers: what they promise (`BackgroundWorker`) and the loop they all run on. */
export { silentLog, type BackgroundWorker, type WorkerLog } from './background-worker.js';
export { PollingLoop, type PollingLoopOptions } from './polling-loop.js';
