/** Opens the store the configuration asks for: MongoDB when MONGODB_URI is set, else the embedded SQLite file. */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { findMissingIndexes } from './mongo/connect.js';
import { MongoStore } from './mongo/mongo-store.js';
import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export async function openStore(config: Config, log?: Logger): Promise<Store> {
  if (config.mongodbUri === null) {
    return new SqliteStore({ path: config.dbPath, synchronous: config.sqliteSynchronous });
  }
  const store = await MongoStore.open({ uri: config.mongodbUri, writeConcern: config.mongodbWriteConcern });
  const missing = await findMissingIndexes(store.connection);
  for (const index of missing) {
    log?.error(
      { index: index.name, collection: index.collection, key: index.key },
      `MongoDB index ${index.name} is missing: run \`npm run db:indexes\` (queries on ${index.collection} will scan)`,
    );
  }
  return store;
}
