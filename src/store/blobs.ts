/**
 * The blob port: files (a test report's PDF, its annexes) stored by their content's SHA-256, so
 * the same bytes are stored once and a stored file can never change under its name. The engine
 * writes a file before the commit that references it and deletes it again if that commit fails
 * and nothing else references it. The filesystem adapter is below; a MongoDB deployment stores
 * them in GridFS (filename = the SHA-256) behind the same four methods.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { mayDelete, type Deletion, type KeepState } from './blob-keeping.js';
import type { BlobRelease, BlobStore, BlobSweep, BlobSweepResult } from './port/blobs.js';

/** SHA-256 of a file, lower-case hex: how blobs are named. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export type { BlobStore } from './port/blobs.js';

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The same hash of a file on disk, read as a stream: the file is never held in memory whole. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Blobs as files in one folder, `<dir>/<first two hex digits>/<sha256>`, readable by the
 * service's user only (0600 files, 0700 folders). A file is written to a temporary name, flushed
 * and renamed into place, so a reader never sees half a file.
 *
 * The folder belongs to one service process (the SQLite store has one), so its keeps are counted
 * here, in memory; a keep also sets the file's modification time, which is what a sweep run by
 * another process (`npm run blobs:sweep`) goes by. A deletion, once decided, is waited for by a
 * `put` of the same bytes, which then writes them again.
 */
export class FileBlobStore implements BlobStore {
  readonly name = 'files';
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #path(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Keeps not released yet, and the generation each keep and release moves on, by SHA-256. */
  readonly #keeps = new Map<string, { keeping: number; generation: number }>();
  /** Deletions decided and under way: a `put` of the same bytes waits for them. */
  readonly #deleting = new Map<string, Promise<void>>();

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const path = this.#path(sha256);
    // Nothing awaited between the last look at the deletions and the keep: a deletion decided later sees the keep.
    for (let pending = this.#deleting.get(sha256); pending !== undefined; pending = this.#deleting.get(sha256)) await pending;
    this.#moveKeep(sha256, +1);
    if (await this.has(sha256)) {
      const now = new Date();
      await utimes(path, now, now);
    } else {
      await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomUUID()}.tmp`;
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    }
    return { sha256, size: bytes.length };
  }

  async release(sha256: string, release: BlobRelease): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    this.#moveKeep(sha256, -1);
    if (release.committed) return false;
    return this.#deleteUnkept(sha256, { by: 'release' }, release.referenced);
  }

  async sweep(sweep: BlobSweep): Promise<BlobSweepResult> {
    const deleted: string[] = [];
    let abandonedUploads = 0;
    const limit = sweep.limit ?? 1_000;
    for (const folder of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      for (const name of await readdir(join(this.dir, folder))) {
        if (deleted.length >= limit) return { deleted, abandonedUploads };
        const path = join(this.dir, folder, name);
        if (name.endsWith('.tmp')) {
          // A temporary file is renamed away once written: one still here and old is an upload that died.
          if ((await stat(path)).mtime < sweep.olderThan) {
            await rm(path, { force: true });
            abandonedUploads += 1;
          }
        } else if (SHA256_HEX.test(name) && (await this.#deleteUnkept(name, { by: 'sweep', olderThan: sweep.olderThan }, () => sweep.referenced(name)))) {
          deleted.push(name);
        }
      }
    }
    return { deleted, abandonedUploads };
  }

  /** A keep taken (+1) or released (-1); the entry stays, so a generation never repeats. */
  #moveKeep(sha256: string, by: 1 | -1): void {
    const keep = this.#keeps.get(sha256) ?? { keeping: 0, generation: 0 };
    this.#keeps.set(sha256, { keeping: Math.max(0, keep.keeping + by), generation: keep.generation + 1 });
  }

  async #state(sha256: string): Promise<KeepState | null> {
    try {
      const { mtime } = await stat(this.#path(sha256));
      const keep = this.#keeps.get(sha256) ?? { keeping: 0, generation: 0 };
      return { ...keep, keptAt: mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Deletes the blob if `mayDelete` allows it and no keep moved it meanwhile. */
  async #deleteUnkept(sha256: string, deletion: Deletion, referenced: () => Promise<boolean>): Promise<boolean> {
    const state = await this.#state(sha256);
    if (state === null || !mayDelete(state, deletion, false) || (await referenced())) return false;
    // Decided and begun with no await between: a put of the same bytes either moved the generation first or waits for this.
    if ((this.#keeps.get(sha256)?.generation ?? 0) !== state.generation || this.#deleting.has(sha256)) return false;
    const removal = rm(this.#path(sha256), { force: true }).finally(() => this.#deleting.delete(sha256));
    this.#deleting.set(sha256, removal);
    await removal;
    return true;
  }

  async get(sha256: string): Promise<Buffer | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      return await readFile(this.#path(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    try {
      return (await stat(this.#path(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.#path(sha256), { force: true });
  }
}
