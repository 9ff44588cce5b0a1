/**
 * Blobs in GridFS, for a MongoDB deployment (the blob port, `src/store/blobs.ts`): each file in
 * the bucket `documents` under its SHA-256 as the filename, so every node of the replica set
 * reads what another stored, and the store's backups hold the files with the records that name
 * them. GridFS writes the chunks first and the file's entry last, so a reader never finds half
 * a file; an upload that died leaves chunks no entry names, which nothing reads.
 */
import { mongo } from 'mongoose';
import { SHA256_HEX, sha256Of, type BlobStore } from '../blobs.js';

/** The bucket's name: its collections are `documents.files` and `documents.chunks`. */
export const BLOB_BUCKET = 'documents';

export class GridFsBlobStore implements BlobStore {
  readonly name = 'gridfs';
  readonly #bucket: mongo.GridFSBucket;

  constructor(db: mongo.Db, bucketName = BLOB_BUCKET) {
    this.#bucket = new mongo.GridFSBucket(db, { bucketName });
  }

  /** The stored entries of a blob: one, or more when two nodes stored the same bytes at once. */
  #entries(sha256: string): mongo.FindCursor<mongo.GridFSFile> {
    return this.#bucket.find({ filename: sha256 });
  }

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    if (!(await this.has(sha256))) {
      await new Promise<void>((resolve, reject) => {
        const upload = this.#bucket.openUploadStream(sha256, { metadata: { sha256 } });
        upload.once('finish', () => resolve());
        upload.once('error', reject);
        upload.end(bytes);
      });
    }
    return { sha256, size: bytes.length };
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
