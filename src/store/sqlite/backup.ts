/**
 * Online backup of the SQLite store through SQLite's backup API (better-sqlite3's `db.backup`),
 * safe while the service runs: WAL readers do not block its writers, and the copy is one
 * consistent snapshot. It goes in steps so progress can be shown; should the service write
 * between two steps, SQLite starts the copy again, and the rest is then copied in one step (a
 * read transaction, which in WAL mode holds up no writer), so a busy service cannot starve it.
 */
import { closeSync, existsSync, openSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** Pages copied per step: 4 MB with the default page size. */
const PAGES_PER_STEP = 1024;
/** Copy everything that is left in one step. */
const ALL_AT_ONCE = -1;

/**
 * Copies the SQLite file `source` to `target` (a new file). `onProgress` is told after each step.
 *
 * @throws Error when `source` does not exist or `target` does.
 */
export async function backupSqliteFile(source: string, target: string, onProgress: (progress: BackupProgress) => void = () => undefined): Promise<{ totalPages: number; restarts: number }> {
  if (!existsSync(source)) throw new Error(`${source}: no such file`);
  if (existsSync(target)) throw new Error(`${target} exists: a backup is written to a new file, so nothing is overwritten`);
  // Created first, readable by its owner only, like the store it copies (it holds key hashes and addresses).
  closeSync(openSync(target, 'wx', 0o600));
  const db = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    const done = await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress({ totalPages, remainingPages });
        if (remainingPages > lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        return restarts > 0 ? ALL_AT_ONCE : PAGES_PER_STEP;
      },
    });
    onProgress({ totalPages: done.totalPages, remainingPages: 0 });
    return { totalPages: done.totalPages, restarts };
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check` of a SQLite file: `ok`, or what SQLite found wrong. */
export function integrityOf(path: string): string {
  const db = new BetterSqlite3(path, { fileMustExist: true, readonly: true });
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}
