/** Small conversions between SQLite rows and the port's plain objects. */
import { AppError } from '../../errors.js';

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError({ code: 'VALIDATION_FAILED', detail: 'The cursor is not one this service issued; start again without it.' });
}

export function isConstraintError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT');
}
