/**
 * Which MongoDB errors answer STORE_UNAVAILABLE, and whether the answer says nothing was written
 * or that the write may have been applied. The errors are the driver's own classes, constructed
 * here as the driver builds them (no server): a subclass, a label or a write concern error must
 * be recognised by what it is, not by a name string.
 */
import { createRequire } from 'node:module';
import { expect } from 'chai';
import {
  MongoBulkWriteError,
  type MongoError,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { isAppError } from '../../src/errors.js';
import { mongoUnavailable } from '../../src/store/mongo/unavailable.js';
import { guardStore } from '../../src/store/unavailable.js';

// The pool's errors are driver classes the package does not export; they are built from its own module.
const pool = createRequire(import.meta.url)('mongodb/lib/cmap/errors.js') as {
  PoolClearedError: new (pool: { address: string; serverError?: unknown }) => MongoError;
  WaitQueueTimeoutError: new (message: string, address: string) => MongoError;
};

const selection = () =>
  new MongoServerSelectionError('Server selection timed out after 10000 ms', {
    type: 'ReplicaSetNoPrimary', servers: new Map(), stale: false, compatible: true, heartbeatFrequencyMS: 10_000, localThresholdMS: 15, setName: 'rs0', maxElectionId: null, maxSetVersion: null, commonWireVersion: 0, logicalSessionTimeoutMinutes: null,
  } as unknown as ConstructorParameters<typeof MongoServerSelectionError>[1]);
const server = (code: number, labels: string[] = []) => new MongoServerError({ ok: 0, code, errmsg: `code ${code}`, errorLabels: labels });
const labelled = <E extends MongoError>(error: E, ...labels: string[]): E => {
  for (const label of labels) error.addErrorLabel(label);
  return error;
};
const wtimeout = () => new MongoWriteConcernError({ ok: 1, writeConcernError: { code: 64, codeName: 'WriteConcernFailed', errmsg: 'waiting for replication timed out', errInfo: { wtimeout: true } } });

describe('Which MongoDB driver errors mean the store is unavailable (constructed driver errors, no server)', () => {
  it('never sent: no server selected, the pool cleared or its queue timed out, the client closed: nothing was written', () => {
    const errors = [
      selection(),
      new pool.PoolClearedError({ address: 'db1:27017' }),
      new pool.WaitQueueTimeoutError('Timed out while checking out a connection from connection pool', 'db1:27017'),
      new MongoTopologyClosedError(),
      new MongoServerClosedError(),
      new MongoNotConnectedError('Client must be connected before running operations'),
      labelled(new MongoNetworkError('connection reset'), 'NoWritesPerformed'),
    ];
    expect(errors.map(mongoUnavailable)).to.deep.equal(errors.map(() => ({ reason: 'server unreachable', written: 'nothing' })));
  });

  it('refused before running (not the primary, overloaded) or a transaction the server aborted: nothing was written', () => {
    expect(mongoUnavailable(server(10107))).to.deep.equal({ reason: 'no primary', written: 'nothing' });
    expect(mongoUnavailable(server(13435))).to.deep.equal({ reason: 'no primary', written: 'nothing' });
    expect(mongoUnavailable(server(13436))).to.deep.equal({ reason: 'no primary', written: 'nothing' });
    expect(mongoUnavailable(server(2, ['SystemOverloadedError', 'RetryableError']))).to.deep.equal({ reason: 'server overloaded', written: 'nothing' });
    for (const [code, reason] of [[112, 'write conflict'], [251, 'transaction aborted'], [290, 'transaction too long'], [334, 'transaction too large']] as const) {
      expect(mongoUnavailable(server(code, ['TransientTransactionError'])), String(code)).to.deep.equal({ reason, written: 'nothing' });
    }
    expect(mongoUnavailable(labelled(new MongoNetworkTimeoutError('timed out'), 'TransientTransactionError')), 'a network error inside a transaction').to.deep.equal({
      reason: 'server unreachable',
      written: 'nothing',
    });
  });

  it('sent but not confirmed: a lost connection, a timeout, a write concern that timed out, an unknown commit: it may have been written', () => {
    const may = (reason: string) => ({ reason, written: 'unknown' });
    expect(mongoUnavailable(new MongoNetworkTimeoutError('connection timed out')), 'a subclass of MongoNetworkError').to.deep.equal(may('server unreachable'));
    expect(mongoUnavailable(labelled(new MongoNetworkError('connection closed'), 'RetryableWriteError'))).to.deep.equal(may('server unreachable'));
    expect(mongoUnavailable(new MongoOperationTimeoutError('Timed out during operation'))).to.deep.equal(may('timed out'));
    expect(mongoUnavailable(wtimeout())).to.deep.equal(may('write not confirmed by a majority in time'));
    const bulk = new MongoBulkWriteError({ message: 'waiting for replication timed out', code: 64 }, { insertedCount: 0, matchedCount: 3, modifiedCount: 3, deletedCount: 0, upsertedCount: 0, upsertedIds: {}, insertedIds: {} } as unknown as ConstructorParameters<typeof MongoBulkWriteError>[1]);
    expect(mongoUnavailable(bulk), 'a batch of results recorded, not confirmed').to.deep.equal(may('write not confirmed by a majority in time'));
    expect(mongoUnavailable(labelled(wtimeout(), 'UnknownTransactionCommitResult')), 'a commit whose majority timed out').to.deep.equal(may('write not confirmed by a majority in time'));
    expect(mongoUnavailable(labelled(new MongoNetworkError('connection reset'), 'UnknownTransactionCommitResult')), 'a commit whose answer was lost').to.deep.equal(may('server unreachable'));
    expect(mongoUnavailable(server(50, ['UnknownTransactionCommitResult'])), 'MaxTimeMSExpired on commit').to.deep.equal(may('timed out'));
    expect(mongoUnavailable(server(262))).to.deep.equal(may('timed out'));
    expect(mongoUnavailable(server(50))).to.deep.equal(may('timed out'));
    for (const code of [189, 11602]) expect(mongoUnavailable(server(code)), `an updateMany stopped by a step-down (${code})`).to.deep.equal(may('no primary'));
    for (const code of [91, 11600]) expect(mongoUnavailable(server(code)), String(code)).to.deep.equal(may('server shutting down'));
    expect(mongoUnavailable(server(14031))).to.deep.equal(may('disk full'));
  });

  it('not the store being unavailable: a duplicate key, a validation error, anything that is not the driver\'s', () => {
    expect(mongoUnavailable(server(11000))).to.equal(null);
    expect(mongoUnavailable(server(121))).to.equal(null);
    expect(mongoUnavailable(Object.assign(new Error('x'), { name: 'MongoServerSelectionError' })), 'a name alone is not the class').to.equal(null);
    expect(mongoUnavailable(Object.assign(new Error('x'), { code: 10107 }))).to.equal(null);
  });

  it('the answer says "nothing was written" only when that is known, and "may have been written" otherwise', async () => {
    const store = guardStore(
      {
        commitUnconfirmed: () => Promise.reject(labelled(wtimeout(), 'UnknownTransactionCommitResult')),
        commitRefused: () => Promise.reject(selection()),
      },
      mongoUnavailable,
    );
    const unconfirmed = await store.commitUnconfirmed().catch((error: unknown) => error);
    const refused = await store.commitRefused().catch((error: unknown) => error);
    expect(isAppError(unconfirmed, 'STORE_UNAVAILABLE') && isAppError(refused, 'STORE_UNAVAILABLE')).to.equal(true);
    expect((unconfirmed as Error & { internalFields: object }).internalFields).to.deep.equal({ storeFailure: 'write not confirmed by a majority in time' });
    expect((unconfirmed as Error & { publicFields: object }).publicFields).to.deep.equal({ written: 'unknown' });
    expect((unconfirmed as { detail: string }).detail).to.match(/may have been written/).and.not.match(/nothing was written/);
    expect((refused as { detail: string }).detail).to.match(/nothing was written/);
  });
});
