/**
 * What `npm run backup` and `npm run restore` print about a SQLite file: its integrity, how many
 * instances it holds, and the SHA-256 checksum over every instance's history (`storeChecksum`,
 * the one `store:copy` verifies with), so a restore can be checked against its backup.
 */
import { storeChecksum } from '../store/copy.js';
import { integrityOf } from '../store/sqlite/backup.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

/** What `npm run backup` and `npm run restore` answer on a MongoDB store. */
export const MONGODB_BACKUP = [
  'MONGODB_URI is set: npm run backup copies the embedded SQLite store only.',
  'Back MongoDB up with its own tools, which keep a replica set consistent while it runs:',
  '  mongodump --uri "$MONGODB_URI" --oplog --archive=mra.archive.gz --gzip',
  'and restore with mongorestore --uri "$MONGODB_URI" --oplogReplay --archive=mra.archive.gz --gzip.',
].join('\n');

export interface FileSummary {
  path: string;
  integrity: string;
  instances: number;
  checksum: string;
}

export async function summarise(path: string): Promise<FileSummary> {
  const integrity = integrityOf(path);
  const store = new SqliteStore({ path });
  try {
    const { perInstance, checksum } = await storeChecksum(store);
    return { path, integrity, instances: perInstance.size, checksum };
  } finally {
    await store.close();
  }
}

/** `backup: 1024 / 5120 pages copied` on stderr. */
export function printProgress(what: string): (progress: { totalPages: number; remainingPages: number }) => void {
  return ({ totalPages, remainingPages }) => process.stderr.write(`${what}: ${totalPages - remainingPages} / ${totalPages} pages copied\n`);
}
