/**
 * What a test needs to know about a store beyond the port: how many of each thing it holds, so a
 * refused request can be shown to have written nothing, and the rows the port has no reader for
 * (every deadline whatever its status, every history entry of every instance). One implementation
 * per adapter, reading that adapter's own storage; tests only ever see this interface.
 */
import type { Kind } from '../../../src/kinds/types.js';
import type { CommitFaults, HistoryEntry, Notification, OutboxStatus, Recipient, Store, Timer, TimerStatus } from '../../../src/store/port.js';

/** Everything a store holds, counted; two snapshots are equal when nothing was written between them. */
export interface StoreSnapshot {
  /** Every instance as `kind/id@version:state`, sorted. */
  instances: string[];
  history: number;
  outbox: Record<OutboxStatus, number>;
  deadlines: Record<TimerStatus, number>;
  economies: number;
  regulations: number;
  cabs: number;
  principals: number;
  /** Each named sequence's last value. */
  sequences: Record<string, number>;
  /** Counts of the adapter's own bookkeeping (SQLite: search fields, unique keys), compared like the rest. */
  internal: Record<string, number>;
}

/** One queued e-mail with the transition it tells of. */
export interface QueuedMail {
  seq: number;
  status: OutboxStatus;
  recipient: Recipient;
  notification: Notification;
}

export interface StoreProbe {
  snapshot(): Promise<StoreSnapshot>;
  /** The e-mails queued by an instance's transitions (only transition `seq`'s if given), by seq then id. */
  mailOf(kind: Kind, id: string, seq?: number): Promise<QueuedMail[]>;
  /** Every deadline, whatever its status. */
  deadlines(): Promise<Timer[]>;
  /** Every history entry of every instance. */
  history(): Promise<Array<HistoryEntry & { kind: Kind; id: string }>>;
  /** How many web sessions and sign-in tokens the store holds, expired ones included. */
  accessRows(): Promise<{ sessions: number; signInTokens: number }>;
}

/** A fresh, empty store of one adapter, with its probe. */
export interface TestStore {
  store: Store;
  probe: StoreProbe;
  /** Another connection to the same data, as a second node would have; closed by `dispose`. */
  connect(): Promise<Store>;
  /** The environment that points `npm start` at this same data. */
  serviceEnv: Record<string, string>;
  dispose(): Promise<void>;
}

export interface TestStoreOptions {
  /** Fault injection inside the commit; only for a factory whose `supportsFaults` is true. */
  faults?: CommitFaults;
}

/** Makes fresh stores of one adapter for tests; the shape `test/contract/` takes, with a probe. */
export interface TestStoreFactory {
  /** The adapter, as `Store.name` says it. */
  readonly name: string;
  /** Whether `open({ faults })` honours the commit fault hook. */
  readonly supportsFaults: boolean;
  open(options?: TestStoreOptions): Promise<TestStore>;
}
