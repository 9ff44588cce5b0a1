/** One page of documents turned into the port's items, with the cursor of the last one if more follow. */
import type { Page } from '../port.js';
import { encodeCursor } from '../cursor.js';

export function page<D, T>(docs: D[], limit: number, convert: (doc: D) => T, cursorOf: (item: T) => string[]): Page<T> {
  const items = docs.slice(0, limit).map(convert);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
