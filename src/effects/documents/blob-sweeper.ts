/**
 * The sweep of unreferenced files (`src/engine/blob-sweep.ts`) on the one polling loop: at start,
 * then every hour, on every node.
 */
import type { BlobSweepResult } from '../../store/port/blobs.js';
import type { BlobStore } from '../../store/blobs.js';
import type { InstanceStore } from '../../store/port.js';
import { sweepBlobs } from '../../engine/blob-sweep.js';
import { PollingLoop } from '../../queue/polling-loop.js';
import type { BackgroundWorker, WorkerLog } from '../../queue/background-worker.js';

const HOUR_MS = 3_600_000;

export class BlobSweeper implements BackgroundWorker {
  readonly name = 'blob-sweeper';
  readonly #loop: PollingLoop<BlobSweepResult>;

  constructor(options: { blobs: BlobStore; store: Pick<InstanceStore, 'find'>; now: () => Date; graceMs: number; log: WorkerLog; intervalMs?: number }) {
    this.#loop = new PollingLoop({
      pass: () => sweepBlobs({ ...options, now: options.now() }),
      intervalMs: options.intervalMs ?? HOUR_MS,
      log: options.log,
      failureMessage: 'the sweep of unreferenced files failed',
      onPass: (result) => {
        if (result.deleted.length + result.abandonedUploads > 0) options.log.info({ deleted: result.deleted.length, abandonedUploads: result.abandonedUploads }, 'unreferenced files swept');
      },
    });
  }

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  runOnce(): Promise<BlobSweepResult> {
    return this.#loop.runOnce();
  }
}
