/**
 * Files (a test report's PDF, its annexes) stored by their content's SHA-256, so the same bytes are
 * stored once and a stored file can never change under its name. Apart from the rest of the store:
 * a deployment may keep them in a folder (`src/store/blobs.ts`) or in GridFS.
 */

export interface BlobStore {
  /** `files` or `gridfs`, for the start-up log. */
  readonly name: string;
  /** Stores the bytes under their SHA-256; storing bytes already there changes nothing. */
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /** The bytes stored under `sha256`, or null. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob; no error if there is none. */
  delete(sha256: string): Promise<void>;
}
