/**
 * Files (a test report's PDF, its annexes) stored by their content's SHA-256, so the same bytes are
 * stored once and a stored file can never change under its name. Apart from the rest of the store:
 * a deployment may keep them in a folder (`src/store/blobs.ts`) or in GridFS.
 *
 * A file is deleted only when nothing can name it, whichever node asks: `put` keeps the blob for a
 * commit about to reference it, until that commit's `release`; a refused commit's release deletes
 * it only when no other keep holds it and no stored record references it, checked against keeps
 * made meanwhile by any node (`src/store/blob-keeping.ts`); and the sweep removes what a process
 * that died left behind (a keep never released, an upload never finished) once it is older than
 * the grace period and still unreferenced.
 */

/** How a keep ends. */
export interface BlobRelease {
  /** The commit that was to reference the blob went in (true) or was refused (false). */
  committed: boolean;
  /** Whether a stored record references the blob; asked only before a deletion. */
  referenced: () => Promise<boolean>;
}

export interface BlobSweep {
  /** Keeps and uploads older than this are abandoned: no commit takes that long. */
  olderThan: Date;
  /** Whether a stored record references a blob. */
  referenced: (sha256: string) => Promise<boolean>;
  /** At most this many blobs looked at in one sweep. */
  limit?: number;
}

export interface BlobSweepResult {
  /** Blobs deleted: kept last before `olderThan` and referenced by nothing. */
  deleted: string[];
  /** Uploads that never finished, whose parts were removed. */
  abandonedUploads: number;
}

export interface BlobStore {
  /** `files` or `gridfs`, for the start-up log. */
  readonly name: string;
  /** Stores the bytes under their SHA-256 (storing bytes already there changes nothing) and keeps them until `release`. */
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  /** Ends one keep of `put`; after a refused commit, deletes the blob if nothing else keeps or references it. Answers whether it was deleted. */
  release(sha256: string, release: BlobRelease): Promise<boolean>;
  /** Removes what died in flight: blobs kept last before `olderThan` and unreferenced, uploads never finished. */
  sweep(sweep: BlobSweep): Promise<BlobSweepResult>;
  /** The bytes stored under `sha256`, or null. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
  /** Removes the blob whoever keeps it (an operator's decision); no error if there is none. */
  delete(sha256: string): Promise<void>;
}
