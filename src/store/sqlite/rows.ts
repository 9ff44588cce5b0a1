/** Small conversions between SQLite rows and the port's plain objects. */
import { readJsonCell } from './packed-json.js';

export { decodeCursor, encodeCursor } from '../cursor.js';

/** The value of a JSON cell, plain text or packed (packed-json.ts). */
export function parseJson<T>(cell: string | Uint8Array): T {
  return readJsonCell<T>(cell);
}

export function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}
