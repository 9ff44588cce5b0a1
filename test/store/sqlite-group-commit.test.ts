/**
 * The SQLite adapter's group commit: concurrent commits share one transaction, each in its own
 * savepoint, so one that fails is rolled back alone and the others stand.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Commit } from '../../src/store/port.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

const AT = '2026-03-02T09:00:00.000Z';
const actor = { id: 'vn-regulator', role: 'regulator' as const, economy: 'VN' };

function creation(id: string): Commit {
  return {
    kind: 'agreements',
    id,
    expectedVersion: 0,
    state: 'negotiating',
    context: { id },
    machineVersion: 2,
    at: AT,
    history: { at: AT, type: 'CREATE', actor, from: null, to: 'negotiating', payload: {} },
    outbox: {
      notification: { kind: 'agreements', instanceId: id, seq: 1, event: 'CREATE', from: null, to: 'negotiating', at: AT, actor, payload: {}, data: {}, deadlines: [] },
      messages: [{ id: `${id}-mail`, recipient: { address: 'a@b.example', name: 'A', language: 'vi', party: 'cab' } }],
    },
    timers: { cancelStateDeadlines: false, add: [] },
  };
}

describe('SQLite group commit', () => {
  const { dir, remove } = tempDir('mra-group-');
  const path = join(dir, 'group.sqlite');
  let store: SqliteStore;
  const transactions: string[] = [];
  before(() => {
    store = new SqliteStore({
      path,
      faults: {
        beforeCommitEnds: (commit) => {
          transactions.push(commit.id);
          if (commit.id === 'broken') throw new Error('simulated failure inside one commit');
        },
      },
    });
  });
  after(async () => {
    await store.close();
    remove();
  });

  it('commits sent together succeed or fail one by one, and a failure leaves no trace of itself', async () => {
    const ids = ['g1', 'g2', 'broken', 'g3', 'g4'];
    const results = await Promise.allSettled(ids.map((id) => store.commit(creation(id))));
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(transactions).to.deep.equal(ids);
    expect(await store.load('agreements', 'broken')).to.equal(null);
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      expect(db.prepare(`SELECT id FROM instances ORDER BY id`).pluck().all()).to.deep.equal(['g1', 'g2', 'g3', 'g4']);
      expect(db.prepare(`SELECT count(*) FROM outbox`).pluck().get()).to.equal(4);
      expect(db.prepare(`SELECT count(*) FROM history WHERE id = 'broken'`).pluck().get()).to.equal(0);
    } finally {
      db.close();
    }
  });

  it('a commit still queued when the store closes is written, not lost', async () => {
    const pending = store.commit(creation('late'));
    await store.close();
    await pending;
    store = new SqliteStore({ path });
    expect((await store.load('agreements', 'late'))?.version).to.equal(1);
  });
});
