/**
 * Which SQLite result codes mean the store cannot work now rather than that the request was
 * wrong: the disk is full (SQLITE_FULL, also what `PRAGMA max_page_count` gives), the file or its
 * folder is read-only (SQLITE_READONLY and its extended codes), the disk fails (SQLITE_IOERR_*),
 * or the file cannot be opened (SQLITE_CANTOPEN). better-sqlite3 puts the code on `SqliteError.code`.
 */
import type { UnavailableReason } from '../unavailable.js';

const REASONS: ReadonlyArray<[prefix: string, reason: string]> = [
  ['SQLITE_FULL', 'disk full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_IOERR', 'disk I/O error'],
  ['SQLITE_CANTOPEN', 'cannot open the database file'],
];

export const sqliteUnavailable: UnavailableReason = (error) => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return REASONS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1] ?? null;
};
