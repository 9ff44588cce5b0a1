/**
 * The sweep of stored files that nothing names: a file whose last keep is older than the grace
 * period (`MRA_BLOB_GRACE_HOURS`; no commit takes that long, so its keeps are those of a process
 * that died) and that no instance references, and the parts of uploads that never finished. Every
 * node runs it (`src/effects/documents/blob-sweeper.ts`); two sweeps at once delete nothing twice,
 * and a keep by any node stops a deletion (`src/store/blob-keeping.ts`).
 */
import { KINDS, workflows } from '../kinds/index.js';
import type { BlobStore } from '../store/blobs.js';
import type { BlobSweepResult } from '../store/port/blobs.js';
import type { InstanceStore } from '../store/port.js';
import { DOCUMENT_FIELD } from './documents.js';

/** The kinds whose instances reference files (their search indexes DOCUMENT_FIELD). */
const KINDS_WITH_DOCUMENTS = KINDS.filter((kind) => DOCUMENT_FIELD in workflows[kind].search);

/** Whether any instance references the file. */
export async function referencedByAnyInstance(store: Pick<InstanceStore, 'find'>, sha256: string): Promise<boolean> {
  for (const kind of KINDS_WITH_DOCUMENTS) {
    if ((await store.find(kind, { where: { [DOCUMENT_FIELD]: sha256 }, limit: 1 })).items.length > 0) return true;
  }
  return false;
}

/** One sweep at `now`: what was kept last more than `graceMs` before it and is referenced by nothing goes. */
export function sweepBlobs(options: { blobs: BlobStore; store: Pick<InstanceStore, 'find'>; now: Date; graceMs: number }): Promise<BlobSweepResult> {
  return options.blobs.sweep({
    olderThan: new Date(options.now.getTime() - options.graceMs),
    referenced: (sha256) => referencedByAnyInstance(options.store, sha256),
  });
}
