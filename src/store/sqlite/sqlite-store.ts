/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 is synchronous and the port is not: close answers a settled promise on purpose. */
/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with
 * `synchronous=FULL` unless told otherwise, so a commit that returned survives a power cut.
 * better-sqlite3 is synchronous; the port is not, so every method answers a settled Promise.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteSynchronous } from '../../config.js';
import { assembleStore } from '../assemble.js';
import type { CommitFaults, Store } from '../port.js';
import { guardStore } from '../unavailable.js';
import { AccessTables, AuditTable } from './access.js';
import { DirectoryTables } from './directory.js';
import { flushQueuedCommits, InstanceTables } from './instances.js';
import { QueueFigureQueries } from './queue-figures.js';
import { DeadlineTable, OutboxTable } from './queues.js';
import { migrateSchema } from './schema.js';
import { TransferTables } from './transfer.js';
import { sqliteUnavailable } from './unavailable.js';
import { WatchTable } from './watches.js';
import { WebhookDeliveryTable, WebhookEndpointTable } from './webhooks.js';

export interface SqliteStoreOptions {
  /** The database file; its folder is created if missing. */
  path: string;
  /** As the configuration gives it (`MRA_SQLITE_SYNCHRONOUS`); FULL unless told otherwise. */
  synchronous?: SqliteSynchronous;
  /** How long to wait for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Fault injection for tests; never set in production. */
  faults?: CommitFaults;
}

/**
 * The store holds API key hashes and every party's address: a new file (and a new folder for it)
 * is readable by its owner only. SQLite gives its -wal and -shm files the database file's mode.
 * An existing file keeps the mode its operator gave it.
 */
function createOwnerOnly(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
}

/** Opens (creating if needed) a SQLite file with the store's own settings. Used by the bench too. */
export function openDatabase(path: string, synchronous: SqliteSynchronous = 'FULL', busyTimeoutMs = 5000): BetterSqlite3.Database {
  if (path !== ':memory:') createOwnerOnly(path);
  const db = new BetterSqlite3(path, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  return db;
}

// The class's methods are those of its parts, put on each store by `assembleStore`: the interface says so to TypeScript.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface SqliteStore extends Store {}

/** A store of one SQLite file: one table class per capability of the port, assembled. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SqliteStore {
  readonly name = 'sqlite';
  readonly path: string;
  readonly #db: BetterSqlite3.Database;
  readonly #instances: InstanceTables;
  readonly #defaultMaxPages: number;

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    const db = openDatabase(options.path, options.synchronous ?? 'FULL', options.busyTimeoutMs ?? 5000);
    this.#db = db;
    migrateSchema(db);
    const instances = new InstanceTables(db, options.faults);
    const audit = new AuditTable(db);
    this.#instances = instances;
    assembleStore(this, {
      instances,
      searchIndex: instances,
      outbox: new OutboxTable(db),
      timers: new DeadlineTable(db),
      webhookDeliveries: new WebhookDeliveryTable(db),
      queueFigures: new QueueFigureQueries(db),
      directory: new DirectoryTables(db, audit),
      access: new AccessTables(db, audit),
      watches: new WatchTable(db),
      webhookEndpoints: new WebhookEndpointTable(db),
      transfer: new TransferTables(db),
    });
    this.#defaultMaxPages = db.pragma('max_page_count', { simple: true }) as number;
    // A full, read-only or failing disk answers STORE_UNAVAILABLE from every method (unavailable.ts).
    return guardStore(this, sqliteUnavailable);
  }

  /**
   * Caps the file at the pages it has now (`PRAGMA max_page_count`, on this connection only), or
   * lifts the cap: SQLite then refuses to grow the file with SQLITE_FULL, as on a full disk. How
   * the tests fill the disk for real; not part of the port.
   */
  simulateFullDisk(full: boolean): void {
    this.#db.pragma(`max_page_count = ${full ? 1 : this.#defaultMaxPages}`);
  }

  /**
   * `PRAGMA query_only` on this connection: SQLite refuses every write with SQLITE_READONLY, as on
   * a read-only mount (chmod does not stop root, which the tests may run as). Not part of the port.
   */
  simulateReadOnly(readOnly: boolean): void {
    this.#db.pragma(`query_only = ${readOnly ? 'ON' : 'OFF'}`);
  }

  async close(): Promise<void> {
    if (!this.#db.open) return;
    this.#instances[flushQueuedCommits]();
    this.#db.close();
  }
}
