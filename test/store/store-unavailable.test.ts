/**
 * A full or read-only disk answers 503 STORE_UNAVAILABLE (docs/api.md), not a 500: the refused
 * write changes nothing, what was committed stays, and the service takes writes again once there
 * is room. The same scenario, with more writers, runs in `npm run test:reliability`.
 */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { testStores } from '../helpers/store-factory.js';
import { canSimulateStoreFaults, storeFault } from '../reliability/store-faults.js';
import { sqliteUnavailable } from '../../src/store/sqlite/unavailable.js';
import { MongoServerError } from 'mongodb';
import { mongoUnavailable } from '../../src/store/mongo/unavailable.js';

describe('A store that cannot write', function () {
  this.timeout(60_000);
  let api: ApiWorld;
  before(async function () {
    api = await ApiWorld.create();
    if (!canSimulateStoreFaults(api)) {
      console.error(`      SKIPPED: a full or read-only disk is simulated on SQLite only; the ${testStores.name} test store cannot be made to refuse writes here`);
      this.skip();
    }
  });
  after(async () => api?.close());

  for (const fault of ['disk full', 'read-only'] as const) {
    it(`${fault}: writes answer 503 STORE_UNAVAILABLE, reads go on, nothing is lost or written, and writes work again after`, async () => {
      const result = await storeFault(api, fault, 4);
      expect(result).to.deep.include({ fault, refusedWrites: 4, readsOk: 5, lost: 0, unchanged: true, recovered: result.answered503 });
      // A write that fits in the free room of the file's pages needs no new page, and a full disk takes it.
      expect(result.answered503 + result.taken).to.equal(4);
      expect(result.answered503).to.be.at.least(fault === 'read-only' ? 4 : 1);
    });
  }
});

describe('Which driver errors mean the store is unavailable', () => {
  it('SQLite: full, read-only, I/O error and cannot-open, extended codes included; nothing else', () => {
    const of = (code: string) => sqliteUnavailable(Object.assign(new Error(code), { code }));
    expect(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_IOERR_WRITE', 'SQLITE_CANTOPEN'].map(of)).to.deep.equal([
      'disk full',
      'read-only',
      'read-only',
      'disk I/O error',
      'cannot open the database file',
    ]);
    expect(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_FULLX'].map(of)).to.deep.equal([null, null, null]);
  });

  it('MongoDB: matched by the driver\'s classes, labels and codes (test/store/mongo-errors.test.ts); a duplicate key is not', () => {
    expect(mongoUnavailable(new MongoServerError({ ok: 0, code: 10107, errmsg: 'not primary' }))).to.deep.equal({ reason: 'no primary', written: 'nothing' });
    expect(mongoUnavailable(new MongoServerError({ ok: 0, code: 14031, errmsg: 'out of disk space' }))).to.deep.equal({ reason: 'disk full', written: 'unknown' });
    expect(mongoUnavailable(new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000' }))).to.equal(null);
    expect(mongoUnavailable(Object.assign(new Error('x'), { name: 'MongoServerSelectionError' })), 'a name is not the class').to.equal(null);
  });
});
