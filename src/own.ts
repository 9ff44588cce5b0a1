/**
 * Lookups keyed by what a caller sent (an event type, a state, a filter name) read own properties
 * only: `table["constructor"]` on a plain object is `Object`'s constructor, not a missing entry.
 */

/** `table[key]` when `key` is the table's own entry, else undefined. */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
