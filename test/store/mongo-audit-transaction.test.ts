/**
 * A principal or an API key and its audit entry are one transaction on MongoDB, as the port
 * promises ("in the same write"): never a principal without its entry after a failure between the
 * two. Offline, through fakes of our own two seams only: the `Runner` (what the adapter asks
 * MongoDB to write, with which session) and `InTransaction` (a transaction that keeps its writes
 * aside and applies them all at the end, or none when its work fails). Nothing of mongoose is
 * faked; that the driver keeps a session's writes together is MongoDB's promise, exercised by the
 * contract suite against a replica set (docs/mongodb.md).
 */
import { expect } from 'chai';
import type { ClientSession } from 'mongoose';
import { MongoAccess } from '../../src/store/mongo/access.js';
import { MongoDirectory } from '../../src/store/mongo/directory.js';
import type { Runner } from '../../src/store/mongo/run.js';
import type { InTransaction } from '../../src/store/mongo/transaction.js';
import type { ApiKeyRecord, AuditEntry, PrincipalRecord } from '../../src/store/port.js';

interface Written {
  collection: string;
  id: string;
}

/** A database of written documents; a write with a session waits in that session's transaction. */
function world(failOn: string | null = null) {
  const committed: Written[] = [];
  const pending = new Map<ClientSession, Written[]>();
  const run = {
    put(collection: string, doc: { _id: string }, session: ClientSession | null = null): Promise<void> {
      if (collection === failOn) return Promise.reject(new Error(`the ${collection} write failed`));
      const write = { collection, id: doc._id };
      if (session === null) committed.push(write);
      else pending.get(session)!.push(write);
      return Promise.resolve();
    },
  } as unknown as Runner;
  let transactions = 0;
  const inTransaction: InTransaction = async (work) => {
    transactions += 1;
    const session = { id: transactions } as unknown as ClientSession;
    pending.set(session, []);
    try {
      await work(session);
      committed.push(...pending.get(session)!);
    } finally {
      pending.delete(session);
    }
  };
  return { run, inTransaction, committed, transactions: () => transactions };
}

const AT = '2026-03-02T09:00:00.000Z';
const PRINCIPAL: PrincipalRecord = { id: 'vn-lab-1', name: 'Nguyễn Thị Hoa', role: 'lab', email: 'hoa@lab.vn.example', language: 'vi', organisation: 'vn-lab' };
const KEY = { id: 'k1', principalId: 'vn-lab-1', name: 'CI', prefix: 'mra_k1', hash: 'h', hashScheme: 'hmac-sha256', createdAt: AT, expiresAt: null, lastUsedAt: null, revokedAt: null } as ApiKeyRecord;
const audit = (id: string, action: string): AuditEntry => ({ id, at: AT, actor: { id: 'admin', role: 'admin', name: 'Admin' }, action, organisation: 'vn-lab', principalId: 'vn-lab-1' }) as AuditEntry;

describe('MongoDB: a principal or a key and its audit entry are one transaction (our own seams, no server)', () => {
  it('putPrincipal writes the principal and its entry in one transaction, both with its session', async () => {
    const w = world();
    await new MongoDirectory(w.run, w.inTransaction).putPrincipal(PRINCIPAL, audit('a1', 'principal.created'));
    expect(w.transactions()).to.equal(1);
    expect(w.committed).to.deep.equal([{ collection: 'principals', id: 'vn-lab-1' }, { collection: 'audit', id: 'a1' }]);
  });

  it('when the audit entry cannot be written, the principal is not written either', async () => {
    const w = world('audit');
    const failure = await new MongoDirectory(w.run, w.inTransaction).putPrincipal(PRINCIPAL, audit('a1', 'principal.created')).catch((error: unknown) => error);
    expect(failure).to.be.instanceOf(Error);
    expect(w.committed).to.deep.equal([]);
  });

  it('putApiKey: the key and its entry together, or neither', async () => {
    const ok = world();
    await new MongoAccess(ok.run, ok.inTransaction).putApiKey(KEY, audit('a2', 'key.created'));
    expect(ok.committed).to.deep.equal([{ collection: 'api_keys', id: 'k1' }, { collection: 'audit', id: 'a2' }]);
    const failing = world('audit');
    await new MongoAccess(failing.run, failing.inTransaction).putApiKey(KEY, audit('a2', 'key.created')).catch(() => undefined);
    expect(failing.committed).to.deep.equal([]);
  });

  it('a change without an entry is one write, no transaction', async () => {
    const w = world();
    await new MongoDirectory(w.run, w.inTransaction).putPrincipal(PRINCIPAL);
    await new MongoAccess(w.run, w.inTransaction).putApiKey(KEY);
    expect(w.transactions()).to.equal(0);
    expect(w.committed.map((c) => c.collection)).to.deep.equal(['principals', 'api_keys']);
  });
});
