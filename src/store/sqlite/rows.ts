/** Small conversions between SQLite rows and the port's plain objects. */
export { decodeCursor, encodeCursor } from '../cursor.js';
/** The value of a JSON cell, plain text or packed (packed-json.ts). */
export { readJsonCell as parseJson } from './packed-json.js';

export function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}
