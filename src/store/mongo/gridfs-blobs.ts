/**
 * Blobs in GridFS, for a MongoDB deployment (the blob port, `src/store/port/blobs.ts`): each file
 * in the bucket `documents` under its SHA-256 as the filename, so every node of the replica set
 * reads what another stored, and the store's backups hold the files with the records that name
 * them. GridFS writes the chunks first and the file's entry last, so a reader never finds half a
 * file.
 *
 * Keeps are counted in the file's entry, on the server, not in a process: a node deletes a file
 * only if no node kept it since it looked (`src/store/blob-keeping.ts`). An upload is recorded in
 * `documents.uploads` before its first chunk and the record removed once its entry is written, so
 * the chunks of an upload that died are found by the sweep (and only by age: an upload in
 * progress is never touched).
 */
import { mongo } from 'mongoose';
import { SHA256_HEX, sha256Of, type BlobStore } from '../blobs.js';
import { mayDelete, type Deletion } from '../blob-keeping.js';
import type { BlobRelease, BlobSweep, BlobSweepResult } from '../port/blobs.js';
import * as b from './blob-queries.js';

export { BLOB_BUCKET } from './blob-queries.js';

/** How many blobs one sweep looks at when the caller does not say. */
const SWEEP_LIMIT = 1_000;

interface UploadRecord {
  _id: mongo.ObjectId;
  sha256: string;
  startedAt: Date;
}

export class GridFsBlobStore implements BlobStore {
  readonly name = 'gridfs';
  readonly #bucket: mongo.GridFSBucket;
  readonly #files: mongo.Collection<b.BlobEntry>;
  readonly #chunks: mongo.Collection;
  readonly #uploads: mongo.Collection<UploadRecord>;

  constructor(db: mongo.Db, bucketName = b.BLOB_BUCKET) {
    this.#bucket = new mongo.GridFSBucket(db, { bucketName });
    this.#files = db.collection<b.BlobEntry>(`${bucketName}.files`);
    this.#chunks = db.collection(`${bucketName}.chunks`);
    this.#uploads = db.collection<UploadRecord>(`${bucketName}.uploads`);
  }

  #entries(sha256: string): mongo.FindCursor<b.BlobEntry> {
    return this.#files.find(b.entriesOf(sha256));
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    // Kept first: a node deleting it now either sees this keep or has already removed the entry, and then it is stored again.
    if ((await this.#files.updateOne(b.entriesOf(sha256), b.KEEP)).matchedCount === 0) await this.#upload(sha256, bytes);
    return { sha256, size: bytes.length };
  }

  async #upload(sha256: string, bytes: Buffer): Promise<void> {
    const id = new mongo.ObjectId();
    const now = new Date();
    await this.#uploads.insertOne({ _id: id, sha256, startedAt: now });
    await new Promise<void>((resolve, reject) => {
      const upload = this.#bucket.openUploadStreamWithId(id, sha256, { metadata: b.firstKeep(sha256, now) });
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    await this.#uploads.deleteOne({ _id: id });
  }

  async release(sha256: string, release: BlobRelease): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    await this.#files.updateOne(b.entriesOf(sha256), b.RELEASE);
    if (release.committed) return false;
    return this.#deleteUnkept(await this.#entries(sha256).toArray(), { by: 'release' }, release.referenced);
  }

  async sweep(sweep: BlobSweep): Promise<BlobSweepResult> {
    const deleted: string[] = [];
    const candidates = await this.#files.find(b.sweepCandidates(sweep.olderThan)).limit(sweep.limit ?? SWEEP_LIMIT).toArray();
    for (const entry of candidates) {
      if (await this.#deleteUnkept([entry], { by: 'sweep', olderThan: sweep.olderThan }, () => sweep.referenced(entry.filename))) deleted.push(entry.filename);
    }
    let abandonedUploads = 0;
    for (const upload of await this.#uploads.find(b.abandonedUploads(sweep.olderThan)).limit(sweep.limit ?? SWEEP_LIMIT).toArray()) {
      // An upload whose entry was written but whose record outlived it (the process died between the two) is a whole file: kept.
      if ((await this.#files.countDocuments({ _id: upload._id }, { limit: 1 })) === 0) {
        await this.#chunks.deleteMany(b.chunksOf(upload._id));
        abandonedUploads += 1;
      }
      await this.#uploads.deleteOne({ _id: upload._id });
    }
    return { deleted, abandonedUploads };
  }

  /** Deletes the file's entries if `mayDelete` allows it for them together (their keeps summed), each only while no keep moved it; then its chunks. */
  async #deleteUnkept(entries: b.BlobEntry[], deletion: Deletion, referenced: () => Promise<boolean>): Promise<boolean> {
    if (entries.length === 0 || !mayDelete(b.keepStateOfFile(entries), deletion, false)) return false;
    if (await referenced()) return false;
    let deleted = false;
    for (const entry of entries) {
      if ((await this.#files.deleteOne(b.unchangedEntry(entry))).deletedCount === 1) {
        await this.#chunks.deleteMany(b.chunksOf(entry._id));
        deleted = true;
      }
    }
    return deleted;
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const [entry] = await this.#entries(sha256).limit(1).toArray();
    if (entry === undefined) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of this.#bucket.openDownloadStream(entry._id)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return (await this.#entries(sha256).limit(1).toArray()).length > 0;
  }

  async delete(sha256: string): Promise<void> {
    if (!SHA256_HEX.test(sha256)) return;
    for (const entry of await this.#entries(sha256).toArray()) await this.#bucket.delete(entry._id);
  }
}
