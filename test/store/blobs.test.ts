/**
 * The blob port's contract, against each adapter: files in a folder (here) and GridFS in the
 * MongoDB database of the store (on the replica set of MONGODB_URI; declared and skipped, saying
 * so, without one).
 */
import { expect } from 'chai';
import { FileBlobStore, sha256Of, type BlobStore } from '../../src/store/blobs.js';
import { GridFsBlobStore } from '../../src/store/mongo/gridfs-blobs.js';
import { describeWithMongo, openTestMongoStore } from '../helpers/mongo.js';
import { tempDir } from '../helpers/world.js';

function describeBlobContract(adapter: string, open: () => Promise<{ blobs: BlobStore; dispose: () => Promise<void> }>): void {
  describe(`blob store contract: ${adapter}`, () => {
    let blobs: BlobStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => ({ blobs, dispose } = await open()));
    afterEach(() => dispose());

    const pdf = Buffer.from('%PDF-1.7\nBiên bản thử nghiệm SHT-RF-0006\n%%EOF\n', 'utf8');

    it('stores bytes under their SHA-256 and gives them back byte for byte', async () => {
      const stored = await blobs.put(pdf);
      expect(stored).to.deep.equal({ sha256: sha256Of(pdf), size: pdf.length });
      expect(await blobs.has(stored.sha256)).to.equal(true);
      expect((await blobs.get(stored.sha256))!.equals(pdf)).to.equal(true);
    });

    it('stores the same bytes once; a large file comes back whole', async () => {
      await blobs.put(pdf);
      expect(await blobs.put(Buffer.from(pdf))).to.deep.equal({ sha256: sha256Of(pdf), size: pdf.length });
      const large = Buffer.alloc(600 * 1024, 7);
      large.write('%PDF-1.7', 0);
      const { sha256 } = await blobs.put(large);
      expect((await blobs.get(sha256))!.equals(large), 'several chunks').to.equal(true);
    });

    it('answers null and false for a blob it does not have or a name that is no SHA-256; delete removes and tolerates absence', async () => {
      expect(await blobs.get('0'.repeat(64))).to.equal(null);
      expect(await blobs.has('0'.repeat(64))).to.equal(false);
      expect(await blobs.get('../../etc/passwd')).to.equal(null);
      expect(await blobs.has('../x')).to.equal(false);
      const { sha256 } = await blobs.put(pdf);
      await blobs.delete(sha256);
      expect(await blobs.has(sha256)).to.equal(false);
      expect(await blobs.get(sha256)).to.equal(null);
      await blobs.delete(sha256);
    });

    const unreferenced = () => Promise.resolve(false);

    it('a refused commit\'s release deletes the file only when no other keep holds it and no record references it', async () => {
      const { sha256 } = await blobs.put(pdf);
      await blobs.put(pdf);
      expect(await blobs.release(sha256, { committed: false, referenced: unreferenced }), 'another keep holds it').to.equal(false);
      expect(await blobs.has(sha256)).to.equal(true);
      expect(await blobs.release(sha256, { committed: false, referenced: () => Promise.resolve(true) }), 'a record references it').to.equal(false);
      expect(await blobs.has(sha256)).to.equal(true);
      await blobs.put(pdf);
      expect(await blobs.release(sha256, { committed: false, referenced: unreferenced })).to.equal(true);
      expect(await blobs.has(sha256)).to.equal(false);
    });

    it('a committed release keeps the file; a keep made while a refused release looks keeps it too', async () => {
      const { sha256 } = await blobs.put(pdf);
      expect(await blobs.release(sha256, { committed: true, referenced: unreferenced })).to.equal(false);
      await blobs.put(pdf);
      const keptMeanwhile = await blobs.release(sha256, {
        committed: false,
        // Another node keeps the same bytes between the look and the deletion.
        referenced: async () => {
          await blobs.put(pdf);
          return false;
        },
      });
      expect(keptMeanwhile).to.equal(false);
      expect((await blobs.get(sha256))!.equals(pdf)).to.equal(true);
    });

    it('the sweep removes files kept last before its limit and unreferenced, and nothing younger', async () => {
      const kept = await blobs.put(pdf);
      const named = await blobs.put(Buffer.from('%PDF-1.7\nreferenced\n%%EOF\n'));
      expect((await blobs.sweep({ olderThan: new Date(Date.now() - 3_600_000), referenced: unreferenced })).deleted).to.deep.equal([]);
      const swept = await blobs.sweep({ olderThan: new Date(Date.now() + 3_600_000), referenced: (sha) => Promise.resolve(sha === named.sha256) });
      expect(swept.deleted).to.deep.equal([kept.sha256]);
      expect(await blobs.has(kept.sha256)).to.equal(false);
      expect(await blobs.has(named.sha256)).to.equal(true);
    });
  });
}

describeBlobContract('files in a folder', () => {
  const { dir, remove } = tempDir('mra-blobs-');
  return Promise.resolve({ blobs: new FileBlobStore(dir), dispose: () => Promise.resolve(remove()) });
});

describeWithMongo('blob store contract against GridFS', (uri) => {
  describeBlobContract('GridFS (a database per test)', async () => {
    const { store, dispose } = await openTestMongoStore(uri);
    return { blobs: new GridFsBlobStore(store.connection.db!), dispose };
  });
});
