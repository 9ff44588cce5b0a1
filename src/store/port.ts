/**
 * The persistence port, split by capability (one file each under `port/`, see `README.md`): each
 * consumer takes only the parts it uses, each adapter implements every part. `Store` is all of
 * them, for the wiring, the adapters and the few tools that copy or check a whole store.
 *
 * Everything is asynchronous and plain data (JSON-serialisable objects, ISO-8601 UTC strings for
 * instants), so an embedded SQLite adapter and a MongoDB adapter can both implement it and pass one
 * contract suite (`test/contract/`).
 *
 * Failures a caller can act on are `AppError`s: `VERSION_CONFLICT` when a commit's expected
 * version is stale, `DUPLICATE` when an id or a unique key is taken, `DEADLINE_HANDLED` when the
 * timer a commit completes was completed already (another node fired it first).
 */
import type { AccessStore } from './port/access.js';
import type { DirectoryStore } from './port/directory.js';
import type { InstanceStore, SearchIndexStore } from './port/instances.js';
import type { OutboxStore, QueueFigureStore, TimerQueue, WebhookDeliveryQueue } from './port/queues.js';
import type { WatchStore, WebhookEndpointStore } from './port/subscriptions.js';
import type { TransferStore } from './port/transfer.js';

export type * from './port/access.js';
export type * from './port/blobs.js';
export type * from './port/directory.js';
export type * from './port/instances.js';
export type * from './port/page.js';
export type * from './port/queues.js';
export type * from './port/subscriptions.js';
export type * from './port/transfer.js';
export type * from './port/transition.js';
export { STORE_TABLES } from './port/transfer.js';

/** The parts of the port, by the name an adapter assembles them under (`src/store/assemble.ts`). */
export interface StoreParts {
  instances: InstanceStore;
  searchIndex: SearchIndexStore;
  outbox: OutboxStore;
  timers: TimerQueue;
  webhookDeliveries: WebhookDeliveryQueue;
  queueFigures: QueueFigureStore;
  directory: DirectoryStore;
  access: AccessStore;
  watches: WatchStore;
  webhookEndpoints: WebhookEndpointStore;
  transfer: TransferStore;
}

/** The whole port, as one adapter provides it. */
export interface Store
  extends InstanceStore,
    SearchIndexStore,
    OutboxStore,
    TimerQueue,
    WebhookDeliveryQueue,
    QueueFigureStore,
    DirectoryStore,
    AccessStore,
    WatchStore,
    WebhookEndpointStore,
    TransferStore {
  /** `sqlite` or `mongodb`, for `/health` and the start-up log. */
  readonly name: string;
  close(): Promise<void>;
}
