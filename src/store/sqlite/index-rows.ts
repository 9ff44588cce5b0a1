/**
 * An instance's row names its own rows in `instance_fields` and `unique_keys` (column
 * `index_rows`), so that replacing them deletes each by its full key. That is what lets those
 * tables go without an index by instance, which at a register's size is a second copy of every
 * row (schema step 10).
 */
import type { SearchFields } from '../port.js';
import { parseJson } from './rows.js';

export interface IndexRows {
  /** (field, value) of every row in `instance_fields`, in the order they were written. */
  fields: Array<[string, string]>;
  /** Every key in `unique_keys`. */
  keys: string[];
}

/** Each (field, value) pair of searchable fields once: a list gives one row per distinct item. */
export function fieldRows(fields: SearchFields): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const [field, value] of Object.entries(fields)) {
    for (const item of new Set(Array.isArray(value) ? value : [value])) rows.push([field, item]);
  }
  return rows;
}

/** The column's value; a row without one (none is left after step 10) has no index rows. */
export function readIndexRows(cell: string | Uint8Array | null): IndexRows {
  return cell === null ? { fields: [], keys: [] } : parseJson<IndexRows>(cell);
}
