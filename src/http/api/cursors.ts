/**
 * Public cursors are sealed: a store's cursor names the last row's sort key (its creation time and
 * id, a sequence number), which a caller has no business reading or steering. What leaves the API
 * is AES-256-GCM of it, bound to the route that issued it; a cursor that was altered, or issued by
 * another route or another secret, is refused as not ours.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../../errors.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CursorSeal {
  readonly #key: Buffer;

  /**
   * @param secret MRA_CURSOR_SECRET: nodes of one store that share it accept each other's cursors,
   *   across restarts. Without it each process draws its own key, and its cursors end with it.
   */
  constructor(secret: string | null = null) {
    const material = secret === null ? randomBytes(32) : Buffer.from(secret, 'utf8');
    this.#key = Buffer.from(hkdfSync('sha256', material, 'mra-engine', 'cursor seal v1', 32));
  }

  /** The store's cursor, sealed for the route `scope` (e.g. `GET /test-reports`). */
  seal(cursor: string, scope: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(scope, 'utf8'));
    const sealed = Buffer.concat([cipher.update(cursor, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /**
   * The store's cursor inside `token`.
   *
   * @throws AppError VALIDATION_FAILED when the token was not sealed here, for this route.
   */
  open(token: string, scope: string): string {
    const bytes = Buffer.from(token, 'base64url');
    if (bytes.length > IV_BYTES + TAG_BYTES) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(scope, 'utf8'));
        decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        // An altered or foreign cursor fails authentication: refused below.
      }
    }
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: 'The cursor is not one this route issued (or it was issued before a restart); start again without it.',
      errors: [{ pointer: '/cursor', message: 'not a cursor issued by this route' }],
    });
  }
}
