/** One page of documents turned into the port's items, with the cursor of the last one if more follow. */
import type { Page } from '../port.js';
import { AppError } from '../../errors.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

export function page<D, T>(docs: D[], limit: number, convert: (doc: D) => T, cursorOf: (item: T) => string[]): Page<T> {
  const items = docs.slice(0, limit).map(convert);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

/**
 * The `[createdAt, id]` of a find's cursor, refused as SQLite refuses it (find-sql.ts) when it is
 * another query's (SQLite's free-text cursor `['t', n]`) or not two keys: a foreign or malformed
 * cursor never reads as a place to go on from.
 */
export function instanceCursor(cursor: string): [createdAt: string, id: string] {
  const key = decodeCursor(cursor);
  if (key.length !== 2 || key[0] === 't' || !/^\d{4}-\d\d-\d\dT/.test(key[0]!)) {
    throw new AppError({ code: 'VALIDATION_FAILED', detail: 'The cursor belongs to another query; start again without it.' });
  }
  return [key[0]!, key[1]!];
}
