/**
 * When a stored file may be deleted, the same rule for every blob adapter (the blob port,
 * `src/store/port/blobs.ts`). A file is kept from the `put` of a commit about to reference it
 * until that commit's release; every keep and release moves the blob's generation on. A deletion
 * reads the blob's state, asks the store whether a record references it, and deletes only if the
 * generation is still the one it read: a keep made by any node meanwhile (and so a commit that may
 * reference the file) moves it and stops the deletion. A commit that went in before the state was
 * read is seen by the reference check that follows.
 */

export interface KeepState {
  /** Keeps not yet released (a process that died leaves its keeps here for good). */
  keeping: number;
  /** When it was last kept or released. */
  keptAt: Date;
  /** Moved on by every keep and release: what a deletion checks did not change. */
  generation: number;
}

/** Who asks: the release of a refused commit, or the sweep of what died in flight. */
export type Deletion = { by: 'release' } | { by: 'sweep'; olderThan: Date };

/**
 * Whether a blob may be deleted: never while a record references it; after a refused commit's
 * release, when no other keep holds it; in a sweep, when it was last kept before `olderThan`, what
 * it keeps being then the keeps of processes that died (no commit takes that long).
 *
 * @example mayDelete({ keeping: 0, keptAt, generation: 4 }, { by: 'release' }, false) // true
 */
export function mayDelete(state: KeepState, deletion: Deletion, referenced: boolean): boolean {
  if (referenced) return false;
  if (deletion.by === 'release') return state.keeping <= 0;
  return state.keptAt.getTime() < deletion.olderThan.getTime();
}
