/**
 * Connecting to MongoDB for the store: one mongoose instance of our own (so its settings are
 * the store's, whatever else in the process uses mongoose), `sanitizeFilter` on, `autoIndex` and
 * `autoCreate` off, the configured write concern, reads from the primary, every wait bounded
 * (`timeouts.ts`). Refuses a standalone
 * server, which has no transactions, and says how to run a one-node replica set instead.
 */
import mongoose, { type Connection } from 'mongoose';
import type { WriteConcern } from 'mongodb';
import { AppError } from '../../errors.js';
import { BLOB_INDEXES, INDEXES, missingIndexes, type IndexSpec } from './indexes.js';
import { boundsOf } from './timeouts.js';
import { COLLECTIONS } from './shapes.js';

export interface MongoOptions {
  uri: string;
  /** The database, when not the one the URI names (tests use one per test). */
  dbName?: string;
  /** `majority` (the default) or a number of members. */
  writeConcern?: 'majority' | number;
  /** How long to wait for a server before giving up (the operation timeout unless set). */
  serverSelectionTimeoutMs?: number;
  /** How long any one operation may take, a commit's retries included (`timeouts.ts`); 10 s unless set. */
  operationTimeoutMs?: number;
}

const ONE_NODE_REPLICA_SET =
  'MongoDB transactions need a replica set (or a sharded cluster); this server is a standalone. ' +
  'For one machine, run a one-node replica set: `docker run -d -p 27017:27017 mongo:8 --replSet rs0` ' +
  'then `docker exec <container> mongosh --eval "rs.initiate()"`, or `mongod --replSet rs0 --dbpath <folder>` then ' +
  '`mongosh --eval "rs.initiate()"`; and set MONGODB_URI=mongodb://localhost:27017/mra?replicaSet=rs0. ' +
  'Atlas and every replica set work as they are.';

/** The URI with its database replaced, keeping hosts and options: `mongodb://h/mra?replicaSet=rs0` -> `mongodb://h/<name>?replicaSet=rs0`. */
export function withDatabase(uri: string, name: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/, `$1/${name}`);
}

/** The configured write concern, never without `wtimeoutMS`: a lost majority must not block a write for ever. */
export function writeConcernOf(options: MongoOptions): WriteConcern {
  return boundsOf(options).writeConcern;
}

/** A mongoose instance of the store's own, with its settings. */
export function storeMongoose(): mongoose.Mongoose {
  const instance = new mongoose.Mongoose();
  instance.set('sanitizeFilter', true);
  instance.set('autoIndex', false);
  instance.set('autoCreate', false);
  // A filter on a field the schema does not know is a bug here: refuse it rather than drop it and match more.
  instance.set('strictQuery', 'throw');
  return instance;
}

export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const connection = storeMongoose().createConnection(options.uri, {
    writeConcern: writeConcernOf(options),
    readPreference: 'primary',
    ...boundsOf(options).connection,
    ...(options.dbName === undefined ? {} : { dbName: options.dbName }),
  });
  try {
    await connection.asPromise();
  } catch (error) {
    throw new AppError({ code: 'CONFIG_INVALID', detail: `MongoDB at MONGODB_URI cannot be reached: ${(error as Error).message}`, cause: error });
  }
  const hello = (await connection.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  if (hello.setName === undefined && hello.msg !== 'isdbgrid') {
    await connection.close();
    throw new AppError({ code: 'CONFIG_INVALID', detail: ONE_NODE_REPLICA_SET });
  }
  return connection;
}

/** Names of the store's indexes that the database lacks (a collection not created yet lacks all of its own). */
export async function findMissingIndexes(connection: Connection): Promise<IndexSpec[]> {
  const collections = [...new Set([...INDEXES, ...BLOB_INDEXES].map((index) => index.collection))];
  const missing: IndexSpec[] = [];
  for (const collection of collections) {
    missing.push(...missingIndexes(collection, await indexNames(connection, collection)));
  }
  return missing;
}

/** The names of a collection's indexes; none for a collection not created yet. */
export async function indexNames(connection: Connection, collection: IndexSpec['collection']): Promise<string[]> {
  try {
    const indexes = await connection.db!.collection(collection).listIndexes().toArray();
    return indexes.map((index) => String((index as { name?: unknown }).name));
  } catch (error) {
    if ((error as { codeName?: string }).codeName === 'NamespaceNotFound') return [];
    throw error;
  }
}

/** Creates every collection and index of the store that is missing (`npm run db:indexes`); answers the names it created. */
export async function createIndexes(connection: Connection): Promise<string[]> {
  const missing = await findMissingIndexes(connection);
  const existing = new Set((await connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of Object.values(COLLECTIONS)) {
    // Transactions of older servers cannot create collections, so they are all made here, first.
    if (!existing.has(name)) await connection.db!.createCollection(name);
  }
  for (const index of missing) {
    await connection.db!.collection(index.collection).createIndex(index.key, {
      name: index.name,
      unique: index.unique ?? false,
      ...(index.expireAfterSeconds === undefined ? {} : { expireAfterSeconds: index.expireAfterSeconds }),
    });
  }
  return missing.map((index) => index.name);
}
