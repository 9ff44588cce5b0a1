/**
 * `npm run db:indexes`: creates the MongoDB store's collections and indexes that are missing, on
 * the database of MONGODB_URI. Run it before the first start and after an upgrade that adds one;
 * the service checks at start-up and logs every missing index by name.
 */
import { loadConfig } from '../config.js';
import { connectMongo, createIndexes } from '../store/mongo/connect.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri === null) throw new Error('MONGODB_URI is not set: the embedded SQLite store makes its own indexes.');
  const connection = await connectMongo({ uri: config.mongodbUri, writeConcern: config.mongodbWriteConcern, operationTimeoutMs: config.mongodbTimeoutMs });
  try {
    const created = await createIndexes(connection);
    process.stdout.write(created.length === 0 ? 'every index is there\n' : `created: ${created.join(', ')}\n`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:indexes failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
