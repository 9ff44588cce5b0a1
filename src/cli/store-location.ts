/**
 * A store named on the command line: `sqlite:<file>` or a `mongodb://` / `mongodb+srv://` URI.
 * A MongoDB store gets its collections and indexes first, so a copy into it keeps its unique keys.
 */
import { createIndexes } from '../store/mongo/connect.js';
import { MongoStore } from '../store/mongo/mongo-store.js';
import type { Store } from '../store/port.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

export async function openLocation(location: string, options: { create: boolean }): Promise<Store> {
  if (location.startsWith('sqlite:')) {
    const path = location.slice('sqlite:'.length);
    if (path === '') throw new Error('A SQLite store is named sqlite:<file>, e.g. sqlite:./data/mra.sqlite');
    return new SqliteStore({ path });
  }
  if (/^mongodb(\+srv)?:\/\//.test(location)) {
    const store = await MongoStore.open({ uri: location });
    if (options.create) await createIndexes(store.connection);
    return store;
  }
  throw new Error(`"${location}" is not a store: write sqlite:<file> or a mongodb:// URI`);
}

/** The location as it may be printed: a MongoDB password is masked. */
export function printable(location: string): string {
  return location.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}
