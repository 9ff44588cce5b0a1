/** Opens the store the configuration asks for. */
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { Store } from './port.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export function openStore(config: Config): Promise<Store> {
  if (config.mongodbUri !== null) {
    throw new AppError({
      code: 'CONFIG_INVALID',
      detail:
        'MONGODB_URI is set, but this release has no MongoDB adapter yet (the store port is ready for one). ' +
        'Unset MONGODB_URI to use the embedded SQLite store.',
    });
  }
  return Promise.resolve(new SqliteStore({ path: config.dbPath, synchronous: config.sqliteSynchronous }));
}
