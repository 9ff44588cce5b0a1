/** Cursors are opaque to clients: base64url of the last item's sort key. Shared by every adapter. */
import { AppError } from '../errors.js';

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** @throws AppError VALIDATION_FAILED for a cursor this service did not issue. */
export function decodeCursor(cursor: string): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError({ code: 'VALIDATION_FAILED', detail: 'The cursor is not one this service issued; start again without it.' });
}
