/** Small conversions between SQLite rows and the port's plain objects. */
export { decodeCursor, encodeCursor } from '../cursor.js';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

export function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}
