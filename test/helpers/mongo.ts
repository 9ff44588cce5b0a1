/**
 * The MongoDB leg of the tests. With MONGODB_URI set (a replica set: see the README), each
 * store is a fresh database on that server, with the store's indexes, dropped afterwards. Without
 * it, as in CI here where no mongod can be had, every MongoDB suite is declared and skipped, so
 * the reporter shows it pending, and one line says what did not run: never a silent pass.
 */
import { randomUUID } from 'node:crypto';
import { createIndexes, withDatabase } from '../../src/store/mongo/connect.js';
import { MongoStore, type MongoStoreOptions } from '../../src/store/mongo/mongo-store.js';

export const MONGODB_URI = process.env['MONGODB_URI']?.trim() || null;

const notRun: string[] = [];
let announced = false;

/** A name for a database of one test, dropped after it. */
export const freshDatabaseName = (): string => `mra_test_${randomUUID().replaceAll('-', '').slice(0, 20)}`;

/** A fresh, empty MongoDB store with its indexes, in a database of its own; `dispose` drops it. */
export async function openTestMongoStore(uri: string, options: Omit<MongoStoreOptions, 'uri'> = {}): Promise<{ store: MongoStore; dispose: () => Promise<void> }> {
  const store = await MongoStore.open({ ...options, uri: withDatabase(uri, freshDatabaseName()), serverSelectionTimeoutMs: 5000 });
  await createIndexes(store.connection);
  return {
    store,
    dispose: async () => {
      await store.connection.dropDatabase();
      await store.close();
    },
  };
}

/**
 * Declares a suite that needs MongoDB. Without MONGODB_URI it is skipped (pending), and the
 * first such suite prints, once, which ones did not run.
 */
export function describeWithMongo(title: string, body: (uri: string) => void): void {
  if (MONGODB_URI !== null) {
    describe(title, () => body(MONGODB_URI));
    return;
  }
  notRun.push(title);
  describe(title, function () {
    before(function () {
      if (!announced) {
        announced = true;
        process.stdout.write(`\n  MongoDB: not run: MONGODB_URI unset — ${notRun.join('; ')} skipped (see docs/operations.md, "Running the tests against MongoDB")\n`);
      }
      this.skip();
    });
    // One placeholder, so the skipped suite shows as pending rather than vanishing.
    it('runs against a MongoDB replica set (MONGODB_URI)', () => undefined);
  });
}
