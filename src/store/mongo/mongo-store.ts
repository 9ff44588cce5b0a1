/**
 * The MongoDB store, through mongoose 9: the whole port, for deployments with several service
 * nodes on one replica set (or Atlas). One class per capability (`instances.ts`, `queues.ts`,
 * `directory.ts`, `access.ts`, `watches.ts`, `webhooks.ts`, `transfer-store.ts`), assembled here;
 * what each method sends is built in `queries.ts`, commits are transactions (`commit.ts`), queue
 * claims are leases (`claims.ts`).
 */
import type { Connection } from 'mongoose';
import { assembleStore } from '../assemble.js';
import type { CommitFaults, Store } from '../port.js';
import { guardStore } from '../unavailable.js';
import { MongoAccess } from './access.js';
import { MongoCommitter } from './commit.js';
import { connectMongo, indexNames, type MongoOptions } from './connect.js';
import { MongoDirectory } from './directory.js';
import { MongoInstances } from './instances.js';
import { defineModels } from './models.js';
import { MongoOutbox, MongoQueueFigures, MongoTimers, MongoWebhookDeliveries } from './queues.js';
import { Runner } from './run.js';
import { boundsOf } from './timeouts.js';
import { transactionsOn } from './transaction.js';
import { COLLECTIONS } from './shapes.js';
import { TextSearch } from './text-search.js';
import { MongoTransfer } from './transfer-store.js';
import { mongoUnavailable } from './unavailable.js';
import { MongoWatches } from './watches.js';
import { MongoWebhookEndpoints } from './webhooks.js';

export interface MongoStoreOptions extends MongoOptions {
  /** Fault injection for tests; never set in production. */
  faults?: CommitFaults;
  /** How long the server may work on one free-text search (MRA_MONGODB_SEARCH_MAX_TIME_MS). */
  searchMaxTimeMs?: number;
}

/** When the caller gives none (a test, a CLI): MRA_MONGODB_SEARCH_MAX_TIME_MS's default. */
const SEARCH_MAX_TIME_MS = 5_000;

// The class's methods are those of its parts, put on each store by `assembleStore`: the interface says so to TypeScript.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface MongoStore extends Store {}

/** A store on one MongoDB database: one class per capability of the port, assembled. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MongoStore {
  readonly name = 'mongodb';
  readonly connection: Connection;

  private constructor(connection: Connection, options: MongoStoreOptions) {
    this.connection = connection;
    const bounds = boundsOf(options);
    const run = new Runner(defineModels(connection), bounds.operation);
    const inTransaction = transactionsOn(connection, bounds.writeConcern, bounds.transaction);
    const textSearch = new TextSearch(run, {
      maxTimeMs: options.searchMaxTimeMs ?? SEARCH_MAX_TIME_MS,
      indexNames: () => indexNames(connection, COLLECTIONS.instances),
    });
    const instances = new MongoInstances(run, new MongoCommitter(connection, run, bounds.writeConcern, options.faults, bounds.transaction), textSearch);
    assembleStore(this, {
      instances,
      searchIndex: instances,
      outbox: new MongoOutbox(run),
      timers: new MongoTimers(run),
      webhookDeliveries: new MongoWebhookDeliveries(run),
      queueFigures: new MongoQueueFigures(run),
      directory: new MongoDirectory(run, inTransaction),
      access: new MongoAccess(run, inTransaction),
      watches: new MongoWatches(run),
      webhookEndpoints: new MongoWebhookEndpoints(run),
      transfer: new MongoTransfer(run),
    });
    // An unreachable server, a full disk or no primary answers STORE_UNAVAILABLE from every method (unavailable.ts).
    return guardStore(this, mongoUnavailable);
  }

  /** Connects, refusing a standalone server. Indexes are checked by the caller (`findMissingIndexes`). */
  static async open(options: MongoStoreOptions): Promise<MongoStore> {
    return new MongoStore(await connectMongo(options), options);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
