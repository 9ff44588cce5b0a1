/**
 * The blob port: files (a test report's PDF, its annexes) stored by their content's SHA-256, so
 * the same bytes are stored once and a stored file can never change under its name. The engine
 * writes a file before the commit that references it and deletes it again if that commit fails
 * and nothing else references it. The filesystem adapter is below; a MongoDB deployment stores
 * them in GridFS (filename = the SHA-256) behind the same four methods.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from './port/blobs.js';

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

  async put(bytes: Buffer): Promise<{ sha256: string; size: number }> {
    const sha256 = sha256Of(bytes);
    const path = this.#path(sha256);
    if (!(await this.has(sha256))) {
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
