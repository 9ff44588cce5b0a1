/**
 * When a stored file may be deleted, whichever node asks (`src/store/blob-keeping.ts`): the rule
 * as a function, the GridFS filters and updates that carry it evaluated by mingo (no server), and
 * two engines' document keepers sharing one blob store and one store, as two nodes share GridFS
 * and the replica set.
 */
import { expect } from 'chai';
import { find, updateMany, updateOne } from 'mingo';
import type { AnyObject } from 'mingo/types';
import { mongo } from 'mongoose';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentKeeper } from '../../src/engine/documents.js';
import { mayDelete } from '../../src/store/blob-keeping.js';
import { FileBlobStore, sha256Of } from '../../src/store/blobs.js';
import * as b from '../../src/store/mongo/blob-queries.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

const T = (minutes: number) => new Date(Date.parse('2026-03-02T09:00:00.000Z') + minutes * 60_000);

describe('a stored file is deleted only when nothing can name it', () => {
  describe('the rule (mayDelete)', () => {
    const state = { keeping: 0, keptAt: T(0), generation: 4 };

    it('after a refused commit: only when no other keep holds it and no record references it', () => {
      expect(mayDelete(state, { by: 'release' }, false)).to.equal(true);
      expect(mayDelete({ ...state, keeping: 1 }, { by: 'release' }, false), 'another transition is about to reference it').to.equal(false);
      expect(mayDelete(state, { by: 'release' }, true), 'a record references it').to.equal(false);
    });

    it('in a sweep: only when its last keep is older than the grace period, whatever keeps a dead process left, and unreferenced', () => {
      expect(mayDelete({ ...state, keeping: 2 }, { by: 'sweep', olderThan: T(1) }, false)).to.equal(true);
      expect(mayDelete(state, { by: 'sweep', olderThan: T(0) }, false), 'kept at the limit').to.equal(false);
      expect(mayDelete(state, { by: 'sweep', olderThan: T(1) }, true)).to.equal(false);
    });
  });

  describe('GridFS, by mingo (no server)', () => {
    const sha = 'a'.repeat(64);
    const entry = (generation?: number, keptAt?: Date): b.BlobEntry & AnyObject => ({
      _id: new mongo.ObjectId(),
      filename: sha,
      uploadDate: T(0),
      ...(generation === undefined ? {} : { metadata: { sha256: sha, keeping: 0, generation, keptAt: keptAt ?? T(0) } }),
    });
    const now = (doc: AnyObject) => doc;

    it('a keep and a release count on the file entry, moving its generation on both times', () => {
      const docs = [entry(3)];
      updateMany(docs, b.entriesOf(sha), { $inc: (b.KEEP as { $inc: object }).$inc, $set: { 'metadata.keptAt': T(5) } });
      expect(docs[0]!.metadata).to.deep.include({ keeping: 1, generation: 4 });
      updateMany(docs, b.entriesOf(sha), { $inc: (b.RELEASE as { $inc: object }).$inc });
      expect(docs[0]!.metadata).to.deep.include({ keeping: 0, generation: 5 });
      expect(Object.keys(b.KEEP)).to.include('$currentDate');
    });

    it('two nodes that uploaded the same bytes at once: a keep and a release each move one entry, and the keeps summed stay right', () => {
      const kept = (): b.BlobEntry & AnyObject => ({ ...entry(1), metadata: { sha256: sha, keeping: 1, generation: 1, keptAt: T(0) } });
      const docs = [kept(), kept()];
      const second: AnyObject = { _id: docs[1]!._id };
      // Node A releases its refused keep; the release lands on node B's entry.
      updateOne(docs, second, { $inc: (b.RELEASE as { $inc: object }).$inc });
      expect(b.keepStateOfFile(docs).keeping).to.equal(1);
      expect(mayDelete(b.keepStateOfFile(docs), { by: 'release' }, false), 'node B still keeps it').to.equal(false);
      updateOne(docs, second, { $inc: (b.RELEASE as { $inc: object }).$inc });
      expect(b.keepStateOfFile(docs).keeping, 'one entry below zero, the sum exact').to.equal(0);
    });

    it('a deletion matches only the entry as it was read: a keep by another node in between stops it', () => {
      const docs = [entry(3)];
      const read = { ...docs[0]!, metadata: { ...docs[0]!.metadata } };
      expect(find(docs, b.unchangedEntry(read)).all().length, 'nothing moved').to.equal(1);
      updateOne(docs, b.entriesOf(sha), { $inc: (b.KEEP as { $inc: object }).$inc });
      expect(find(docs, b.unchangedEntry(read)).all().length, 'kept meanwhile').to.equal(0);
      const before = entry();
      expect(find([now(before)], b.unchangedEntry(before)).all().length, 'a file stored before keeps were counted').to.equal(1);
    });

    it('a sweep looks at entries kept last before the limit, or uploaded before it when never kept; and at uploads never finished', () => {
      const docs = [entry(1, T(0)), entry(1, T(90)), entry()];
      expect(find(docs, b.sweepCandidates(T(60))).all().map((d) => d['_id'])).to.deep.equal([docs[0]!._id, docs[2]!._id]);
      const uploads = [{ _id: 1, startedAt: T(0) }, { _id: 2, startedAt: T(90) }];
      expect(find(uploads, b.abandonedUploads(T(60))).all().map((d) => d['_id'])).to.deep.equal([1]);
      expect(b.keepStateOf(docs[2]!)).to.deep.equal({ keeping: 0, keptAt: T(0), generation: 0 });
    });
  });

  describe('two engines sharing one blob store and one store, as two nodes share GridFS', () => {
    let removeDir: () => void;
    let store: SqliteStore;
    let blobs: FileBlobStore;
    beforeEach(() => {
      const files = tempDir('mra-blob-keeping-');
      removeDir = files.remove;
      store = new SqliteStore({ path: join(files.dir, 'mra.sqlite'), synchronous: 'NORMAL' });
      blobs = new FileBlobStore(join(files.dir, 'files'));
    });
    afterEach(async () => {
      await store.close();
      removeDir();
    });

    const pdf = Buffer.from('%PDF-1.7\nBiên bản thử nghiệm SHT-RF-0007\n%%EOF\n', 'utf8');
    const upload = { bytes: pdf, mediaType: 'application/pdf', name: 'bien-ban.pdf', role: 'report' as const };
    const at = '2026-03-02T09:00:00.000Z';

    it('when one node\'s commit is refused while another is about to commit the same file, the file stays', async () => {
      const nodeA = new DocumentKeeper({ blobs, store, maxBytes: 1 << 20 });
      const nodeB = new DocumentKeeper({ blobs, store, maxBytes: 1 << 20 });
      const a = await nodeA.keep('test-reports', [upload], at, 'CREATE');
      const refused = await nodeB.keep('test-reports', [upload], at, 'CREATE');
      await refused.settle(false);
      expect(await blobs.has(sha256Of(pdf)), 'node A is about to reference it').to.equal(true);
      await a.settle(false);
      expect(await blobs.has(sha256Of(pdf)), 'refused by both, referenced by nothing: removed at once').to.equal(false);
    });

    it('the sweep removes a file a dead process kept and never released, and an unfinished upload, once older than the grace period; never a referenced one', async () => {
      const kept = await blobs.put(pdf);
      const other = await blobs.put(Buffer.from('%PDF-1.7\nreferenced\n%%EOF\n'));
      const later = new Date(Date.now() + 3_600_000);
      const died = join(blobs.dir, kept.sha256.slice(0, 2), `${kept.sha256}.0f3e.tmp`);
      writeFileSync(died, 'half a file');
      expect((await blobs.sweep({ olderThan: new Date(Date.now() - 3_600_000), referenced: () => Promise.resolve(false) })).deleted, 'younger than the grace').to.deep.equal([]);
      const swept = await blobs.sweep({ olderThan: later, referenced: (sha) => Promise.resolve(sha === other.sha256) });
      expect(swept).to.deep.equal({ deleted: [kept.sha256], abandonedUploads: 1 });
      expect(existsSync(died)).to.equal(false);
      expect(await blobs.has(other.sha256)).to.equal(true);
    });
  });
});
