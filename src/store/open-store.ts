/** Opens the store the configuration asks for: MongoDB when MONGODB_URI is set, else the embedded SQLite file. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { BlobStore } from './blobs.js';
import { FileBlobStore } from './blobs.js';
import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export async function openStore(config: Config, log?: Logger): Promise<Store> {
  if (config.mongodbUri === null) {
    return new SqliteStore({ path: config.dbPath, synchronous: config.sqliteSynchronous });
  }
  // Loaded only when asked for, so a SQLite node does not pay for mongoose at start-up.
  const [{ MongoStore }, { findMissingIndexes }] = await Promise.all([import('./mongo/mongo-store.js'), import('./mongo/connect.js')]);
  const store = await MongoStore.open({ uri: config.mongodbUri, writeConcern: config.mongodbWriteConcern, operationTimeoutMs: config.mongodbTimeoutMs, searchMaxTimeMs: config.mongodbSearchMaxTimeMs });
  for (const index of await findMissingIndexes(store.connection)) {
    log?.error(
      { index: index.name, collection: index.collection, key: index.key },
      `MongoDB index ${index.name} is missing: run \`npm run db:indexes\` (queries on ${index.collection} will scan)`,
    );
  }
  return store;
}

/**
 * Where the documents go, chosen by the store: GridFS in the MongoDB database the store uses, so
 * every node sees every file; files in MRA_FILES_DIR (beside the SQLite file unless set) otherwise.
 */
export async function openBlobStore(config: Config, store: Store): Promise<BlobStore> {
  if (store.name !== 'mongodb') return new FileBlobStore(config.filesDir);
  const [{ MongoStore }, { GridFsBlobStore }] = await Promise.all([import('./mongo/mongo-store.js'), import('./mongo/gridfs-blobs.js')]);
  if (!(store instanceof MongoStore)) throw new Error(`A store named mongodb that is not the MongoDB adapter: ${store.constructor.name}`);
  return new GridFsBlobStore(store.connection.db!);
}
