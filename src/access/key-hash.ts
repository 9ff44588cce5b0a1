/**
 * How API keys are stored: HMAC-SHA-256, keyed with the server's `MRA_KEY_SECRET`, of the key's
 * SHA-256 digest. A keyed hash rather than a slow one (scrypt) because keys are long random
 * strings, not passwords: nobody can guess one, so slowing down guesses buys nothing, while a
 * deterministic hash lets a request find its key with one indexed look-up. The secret lives
 * outside the database, so a copy of the database alone cannot even test a candidate key.
 * Hashing the SHA-256 digest (not the key itself) is what lets the digests older releases stored
 * be re-keyed at start-up without knowing the keys.
 */
import { createHash, createHmac } from 'node:crypto';

export class KeyHasher {
  readonly #secret: Buffer;

  constructor(secret: string) {
    this.#secret = Buffer.from(secret, 'utf8');
  }

  /** The stored form of a key (or a sign-in token) given in full. */
  hash(key: string): string {
    return this.rekey(createHash('sha256').update(key, 'utf8').digest('hex'));
  }

  /** The stored form of a key an older release stored as a bare SHA-256 digest (hex). */
  rekey(sha256Hex: string): string {
    return createHmac('sha256', this.#secret).update(sha256Hex, 'utf8').digest('hex');
  }
}
