/**
 * The filters and updates of the GridFS blob store (`gridfs-blobs.ts`) on the bucket's collections,
 * built by pure functions so the tests evaluate them with mingo and check an index serves each.
 * A file's keeps live in its entry's `metadata` (`keeping`, `generation`, `keptAt`), on the server,
 * so every node sees every other node's keeps (`src/store/blob-keeping.ts` says why they suffice).
 */
import type { ObjectId } from 'mongodb';
import type { KeepState } from '../blob-keeping.js';

/** The bucket's name: its collections are `documents.files` and `documents.chunks`. */
export const BLOB_BUCKET = 'documents';

/** The bucket's collections, and ours beside them: an upload in progress, recorded before its first chunk. */
export const BLOB_COLLECTIONS = {
  files: `${BLOB_BUCKET}.files`,
  chunks: `${BLOB_BUCKET}.chunks`,
  uploads: `${BLOB_BUCKET}.uploads`,
} as const;
export type BlobCollectionName = (typeof BLOB_COLLECTIONS)[keyof typeof BLOB_COLLECTIONS];

type Doc = Record<string, unknown>;

/** A file's entry as GridFS stores it, with our metadata. */
export interface BlobEntry {
  _id: ObjectId;
  filename: string;
  uploadDate: Date;
  metadata?: { sha256?: string; keeping?: number; generation?: number; keptAt?: Date };
}

/** A file's entries: one, or more when two nodes stored the same bytes at once. */
export function entriesOf(sha256: string): Doc {
  return { filename: sha256 };
}

/**
 * One more keep, on the server's clock. A keep is put on one entry of the file and a release
 * taken off one (`updateOne` both, whichever entry), so the keeps summed over a file's entries
 * are its keeps even when two nodes uploaded the same bytes at once and one entry goes below zero.
 */
export const KEEP: Doc = { $inc: { 'metadata.keeping': 1, 'metadata.generation': 1 }, $currentDate: { 'metadata.keptAt': true } };

/** One keep fewer. */
export const RELEASE: Doc = { $inc: { 'metadata.keeping': -1, 'metadata.generation': 1 }, $currentDate: { 'metadata.keptAt': true } };

/** The metadata a new upload starts with: kept once. */
export function firstKeep(sha256: string, now: Date): Required<NonNullable<BlobEntry['metadata']>> {
  return { sha256, keeping: 1, generation: 1, keptAt: now };
}

/** An entry's state; a file stored before keeps were counted is kept by nothing since its upload. */
export function keepStateOf(entry: BlobEntry): KeepState {
  return { keeping: entry.metadata?.keeping ?? 0, keptAt: entry.metadata?.keptAt ?? entry.uploadDate, generation: entry.metadata?.generation ?? 0 };
}

/** A file's state over all its entries: their keeps summed, the latest keep. */
export function keepStateOfFile(entries: readonly BlobEntry[]): KeepState {
  const states = entries.map(keepStateOf);
  return {
    keeping: states.reduce((sum, state) => sum + state.keeping, 0),
    keptAt: new Date(Math.max(...states.map((state) => state.keptAt.getTime()))),
    generation: 0,
  };
}

/** The entry, only while no keep or release moved it since `entry` was read (`null` matches a missing generation). */
export function unchangedEntry(entry: BlobEntry): Doc {
  return { _id: entry._id, 'metadata.generation': entry.metadata?.generation ?? null };
}

/** Entries last kept before `olderThan` (or, stored before keeps were counted, uploaded before it): what a sweep looks at. */
export function sweepCandidates(olderThan: Date): Doc {
  return { $or: [{ 'metadata.keptAt': { $lt: olderThan } }, { 'metadata.keptAt': null, uploadDate: { $lt: olderThan } }] };
}

/** The chunks of one file. */
export function chunksOf(fileId: ObjectId): Doc {
  return { files_id: fileId };
}

/** Uploads started before `olderThan` and never finished (a finished one removes its record). */
export function abandonedUploads(olderThan: Date): Doc {
  return { startedAt: { $lt: olderThan } };
}
