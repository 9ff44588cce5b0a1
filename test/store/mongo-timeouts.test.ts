/**
 * Every MongoDB operation is bounded, so a lost majority answers STORE_UNAVAILABLE after the
 * configured time instead of blocking for ever. Offline: the bounds the store hands the driver
 * (`timeouts.ts`, the connection's write concern), and the transaction's retries driven through a
 * session of our own `TransactionSession` interface with a clock we move, failing with the
 * driver's own error classes.
 */
import { expect } from 'chai';
import { MongoNetworkError, MongoServerError, MongoWriteConcernError } from 'mongodb';
import { loadConfig } from '../../src/config.js';
import { writeConcernOf } from '../../src/store/mongo/connect.js';
import { boundsOf } from '../../src/store/mongo/timeouts.js';
import { runTransaction, type TransactionSession } from '../../src/store/mongo/transaction.js';
import { mongoUnavailable } from '../../src/store/mongo/unavailable.js';

/** The commit of a transaction whose majority never answers: the driver's error for a write concern that timed out. */
const majorityTimedOut = () => {
  const error = new MongoWriteConcernError({ ok: 1, writeConcernError: { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errInfo: { wtimeout: true } } });
  error.addErrorLabel('UnknownTransactionCommitResult');
  return error;
};

/** A session whose calls are counted, each taking `costMs` of the clock we move. */
function session(commitFails: () => Error | null, clock: { ms: number }, costMs: number): TransactionSession & { commits: number; starts: number; aborts: number } {
  let inside = false;
  const s = {
    commits: 0,
    starts: 0,
    aborts: 0,
    startTransaction() {
      s.starts += 1;
      inside = true;
    },
    async commitTransaction() {
      s.commits += 1;
      clock.ms += costMs;
      const error = commitFails();
      if (error !== null) throw error;
      inside = false;
      return Promise.resolve();
    },
    abortTransaction() {
      s.aborts += 1;
      inside = false;
      return Promise.resolve();
    },
    inTransaction: () => inside,
  };
  return s;
}

describe('MongoDB operations are bounded in time (no server)', () => {
  it('every write concern carries wtimeoutMS, every command maxTimeMS, the commit maxCommitTimeMS; 10 s unless configured', () => {
    expect(writeConcernOf({ uri: 'mongodb://h/mra?replicaSet=rs0' })).to.deep.equal({ w: 'majority', wtimeoutMS: 10_000 });
    expect(writeConcernOf({ uri: 'mongodb://h/mra', writeConcern: 2, operationTimeoutMs: 3000 })).to.deep.equal({ w: 2, wtimeoutMS: 3000 });
    const bounds = boundsOf({ operationTimeoutMs: 4000 });
    expect(bounds.operation).to.deep.equal({ maxTimeMS: 4000 });
    expect(bounds.transaction).to.deep.equal({ maxCommitTimeMS: 4000, budgetMs: 4000 });
    expect(bounds.connection).to.deep.equal({ serverSelectionTimeoutMS: 4000, waitQueueTimeoutMS: 4000, socketTimeoutMS: 8000 });
  });

  it('the bound is a setting (MRA_MONGODB_TIMEOUT_MS), 10 s by default', () => {
    expect(loadConfig({}).mongodbTimeoutMs).to.equal(10_000);
    expect(loadConfig({ MRA_MONGODB_TIMEOUT_MS: '2500' }).mongodbTimeoutMs).to.equal(2500);
    expect(() => loadConfig({ MRA_MONGODB_TIMEOUT_MS: '0' })).to.throw(/MRA_MONGODB_TIMEOUT_MS/);
  });

  it('a commit whose majority never answers is retried only within the bound, then answers STORE_UNAVAILABLE "may have been written"', async () => {
    const clock = { ms: 0 };
    const s = session(majorityTimedOut, clock, 1000);
    let work = 0;
    const failure = await runTransaction(s, async () => {
      work += 1;
      return Promise.resolve();
    }, {}, { budgetMs: 5000, now: () => clock.ms, pause: () => Promise.resolve() }).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(MongoWriteConcernError);
    expect(clock.ms, 'the driver would go on for 120 s').to.be.at.most(6000);
    expect(s.commits).to.equal(5);
    expect(work, 'the work ran once: only the commit is retried').to.equal(1);
    expect(mongoUnavailable(failure)).to.deep.equal({ reason: 'write not confirmed by a majority in time', written: 'unknown' });
  });

  it('a commit stopped by its own maxCommitTimeMS is not retried', async () => {
    const clock = { ms: 0 };
    const expired = () => new MongoServerError({ ok: 0, code: 50, codeName: 'MaxTimeMSExpired', errmsg: 'operation exceeded time limit', errorLabels: ['UnknownTransactionCommitResult'] });
    const s = session(expired, clock, 10);
    const failure = await runTransaction(s, () => Promise.resolve(), {}, { budgetMs: 5000, now: () => clock.ms, pause: () => Promise.resolve() }).catch((error: unknown) => error);
    expect(s.commits).to.equal(1);
    expect(mongoUnavailable(failure)).to.deep.equal({ reason: 'timed out', written: 'unknown' });
  });

  it('a transaction the server aborts is run again whole while time is left, and nothing is written when it is spent', async () => {
    const clock = { ms: 0 };
    const s = session(() => null, clock, 0);
    const noPrimary = () => {
      clock.ms += 2000;
      const error = new MongoNetworkError('connection closed');
      error.addErrorLabel('TransientTransactionError');
      return error;
    };
    const failure = await runTransaction(s, () => Promise.reject(noPrimary()), {}, { budgetMs: 5000, now: () => clock.ms, pause: () => Promise.resolve() }).catch((error: unknown) => error);
    expect(s.starts).to.equal(3);
    expect(s.aborts).to.equal(3);
    expect(s.commits).to.equal(0);
    expect(mongoUnavailable(failure)).to.deep.equal({ reason: 'server unreachable', written: 'nothing' });
  });

  it('a conflict settled on the next attempt commits, and the work\'s own refusal is not retried', async () => {
    const clock = { ms: 0 };
    const s = session(() => null, clock, 1);
    let attempts = 0;
    const result = await runTransaction(s, () => {
      attempts += 1;
      if (attempts === 1) return Promise.reject(new MongoServerError({ ok: 0, code: 112, codeName: 'WriteConflict', errmsg: 'write conflict', errorLabels: ['TransientTransactionError'] }));
      return Promise.resolve('committed');
    }, {}, { budgetMs: 5000, now: () => clock.ms, pause: () => Promise.resolve() });
    expect(result).to.equal('committed');
    expect([s.starts, s.commits]).to.deep.equal([2, 1]);

    const refused = await runTransaction(s, () => Promise.reject(new Error('VERSION_CONFLICT')), {}, { budgetMs: 5000, now: () => clock.ms }).catch((error: unknown) => error);
    expect((refused as Error).message).to.equal('VERSION_CONFLICT');
    expect(s.starts).to.equal(3);
  });
});
