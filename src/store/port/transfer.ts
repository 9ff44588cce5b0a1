/** Everything a store holds, table by table, to copy a store from one adapter to another (`npm run store:copy`). */
import type { Kind } from '../../kinds/types.js';
import type { ApiKeyRecord, AuditEntry } from './access.js';
import type { CabRecord, EconomyRecord, PrincipalRecord, RegulationRecord } from './directory.js';
import type { InstanceRecord } from './instances.js';
import type { Page } from './page.js';
import type { OutboxMessage, StoredWebhookDelivery, Timer } from './queues.js';
import type { WatchRecord, WebhookEndpointRecord } from './subscriptions.js';
import type { HistoryEntry, TransitionRecord } from './transition.js';

/** An instance with what only the store sees: its searchable fields (each as a list) and unique keys. */
export interface StoredInstance extends InstanceRecord {
  fields: Record<string, string[]>;
  uniqueKeys: string[];
}

/** A history row as a copy moves it: the entry with the instance it belongs to. */
export interface StoredHistory extends HistoryEntry, Pick<TransitionRecord, 'kind' | 'instanceId'> {}

/** An outbox message with its place in history and its lease. */
export interface StoredOutboxMessage extends OutboxMessage {
  /** A workflow kind, or `account` for an account e-mail (its instanceId is the principal, seq 0). */
  kind: Kind | 'account';
  instanceId: string;
  seq: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
}

/** A timer (a state deadline or a cascade task) with its lease, as a row of the `deadlines` table. */
export type StoredTimer = Timer & {
  leaseOwner: string | null;
  leaseUntil: string | null;
  completedAt: string | null;
};

/** Every table of a store, by the name `exportRows` and `importRows` use, with its row. */
export interface StoreRows {
  instances: StoredInstance;
  history: StoredHistory;
  outbox: StoredOutboxMessage;
  deadlines: StoredTimer;
  economies: EconomyRecord;
  regulations: RegulationRecord;
  cabs: CabRecord;
  principals: PrincipalRecord;
  sequences: { name: string; value: number };
  /** Web sessions and sign-in tokens are not copied: they are short-lived, people sign in again. */
  api_keys: ApiKeyRecord;
  audit: AuditEntry;
  watches: WatchRecord;
  webhook_endpoints: WebhookEndpointRecord;
  webhook_deliveries: StoredWebhookDelivery;
}

export type StoreTable = keyof StoreRows;

/** In the order a copy writes them: history before the outbox that refers to it. */
export const STORE_TABLES: readonly StoreTable[] = [
  'economies',
  'regulations',
  'cabs',
  'principals',
  'api_keys',
  'audit',
  'sequences',
  'instances',
  'history',
  'outbox',
  'deadlines',
  'watches',
  'webhook_endpoints',
  'webhook_deliveries',
];

/** Everything a store holds, read and written a page at a time, to move a store from one adapter to another. */
export interface TransferStore {
  /** A page of a table's rows in the adapter's own stable order; every row exactly once across the pages. */
  exportRows<T extends StoreTable>(table: T, page: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>>;
  /** Writes rows exported from another store, as they are (statuses, leases, attempts kept). Into an empty store only. */
  importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void>;
}
