/**
 * An adapter is built from one class per capability of the port (`src/store/assemble.ts`): the
 * store answers every part's methods, each running on its own part, and two parts that answer one
 * name are refused when the store is built, not discovered later by a wrong answer.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { assembleStore } from '../../src/store/assemble.js';
import type { StoreParts } from '../../src/store/port.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers/world.js';

class Counter {
  #count = 0;
  async next(): Promise<number> {
    this.#count += 1;
    return Promise.resolve(this.#count);
  }
}

class OtherCounter {
  async next(): Promise<number> {
    return Promise.resolve(0);
  }
}

const partsOf = (parts: Record<string, object>): StoreParts => parts as unknown as StoreParts;

describe('assembleStore', () => {
  it('puts each part’s methods on the store, running on the part (its private fields work)', async () => {
    const store = {} as { next(): Promise<number> };
    assembleStore(store, partsOf({ directory: new Counter() }));
    expect([await store.next(), await store.next()]).to.deep.equal([1, 2]);
  });

  it('takes an object serving two parts once', () => {
    const counter = new Counter();
    expect(() => assembleStore({}, partsOf({ instances: counter, searchIndex: counter }))).not.to.throw();
  });

  it('refuses two parts answering one name, naming both', () => {
    expect(() => assembleStore({}, partsOf({ outbox: new Counter(), timers: new OtherCounter() }))).to.throw(/next: outbox and timers/);
  });

  it('refuses a part answering a name the store has itself', () => {
    const store = { close: () => Promise.resolve() };
    expect(() => assembleStore(store, partsOf({ transfer: { close: () => Promise.resolve() } }))).to.throw(/close: the store itself and transfer/);
  });

  it('the SQLite store answers every method of every part, and is still a SqliteStore', async () => {
    const { dir, remove } = tempDir();
    try {
      const store = new SqliteStore({ path: join(dir, 'mra.sqlite') });
      expect(store).to.be.instanceOf(SqliteStore);
      for (const method of ['commit', 'reindex', 'claimOutbox', 'claimDueDeadlines', 'claimWebhookDeliveries', 'queueFigures', 'getCab', 'getApiKey', 'watchesOn', 'getWebhookEndpoint', 'exportRows']) {
        expect(typeof (store as unknown as Record<string, unknown>)[method], method).to.equal('function');
      }
      expect(await store.isEmpty()).to.equal(true);
      await store.close();
    } finally {
      remove();
    }
  });
});
