/**
 * The MongoDB adapter for tests (`MRA_TEST_STORE=mongodb`, with MONGODB_URI naming a replica
 * set): each store a fresh database with the store's indexes, dropped by `dispose`, and a probe
 * that reads the collections through the driver.
 */
import type { Kind } from '../../../src/kinds/types.js';
import { toTimer, toHistory, type DeadlineDoc, type HistoryDoc, type InstanceDoc, type OutboxDoc } from '../../../src/store/mongo/shapes.js';
import { createIndexes, withDatabase } from '../../../src/store/mongo/connect.js';
import { MongoStore } from '../../../src/store/mongo/mongo-store.js';
import type { HistoryEntry, OutboxStatus, Store, Timer, TimerStatus } from '../../../src/store/port.js';
import { freshDatabaseName, MONGODB_URI } from '../mongo.js';
import type { QueuedMail, StoreProbe, StoreSnapshot, TestStore, TestStoreFactory, TestStoreOptions } from './probe.js';

class MongoProbe implements StoreProbe {
  constructor(readonly store: MongoStore) {}

  #docs<T>(collection: string, filter: Record<string, unknown> = {}, sort: Record<string, 1> = { _id: 1 }): Promise<T[]> {
    return this.store.connection.db!.collection(collection).find(filter).sort(sort).toArray() as unknown as Promise<T[]>;
  }

  #count(collection: string): Promise<number> {
    return this.store.connection.db!.collection(collection).countDocuments();
  }

  async snapshot(): Promise<StoreSnapshot> {
    const byStatus = async <S extends string>(collection: string, statuses: readonly S[]) => {
      const docs = await this.#docs<{ status: S }>(collection);
      return Object.fromEntries(statuses.map((s) => [s, docs.filter((d) => d.status === s).length])) as Record<S, number>;
    };
    return {
      instances: (await this.#docs<InstanceDoc>('instances')).map((i) => `${i.kind}/${i.id}@${i.version}:${i.state}`).sort(),
      history: await this.#count('history'),
      outbox: await byStatus<OutboxStatus>('outbox', ['pending', 'sent', 'dead']),
      deadlines: await byStatus<TimerStatus>('deadlines', ['pending', 'done', 'cancelled']),
      economies: await this.#count('economies'),
      regulations: await this.#count('regulations'),
      cabs: await this.#count('cabs'),
      principals: await this.#count('principals'),
      sequences: Object.fromEntries((await this.#docs<{ _id: string; value: number }>('sequences')).map((s) => [s._id, s.value])),
      internal: { unique_keys: await this.#count('unique_keys') },
    };
  }

  async mailOf(kind: Kind, id: string, seq?: number): Promise<QueuedMail[]> {
    const filter = { kind, instanceId: id, ...(seq === undefined ? {} : { seq }) };
    // Account e-mails (sign-in links) belong to no instance and carry no notification.
    return (await this.#docs<OutboxDoc>('outbox', filter, { seq: 1, _id: 1 }))
      .filter((m) => m.notification !== null)
      .map((m) => ({ seq: m.seq, status: m.status, recipient: m.recipient, notification: m.notification! }));
  }

  async deadlines(): Promise<Timer[]> {
    return (await this.#docs<DeadlineDoc>('deadlines', {}, { dueAt: 1, _id: 1 })).map(toTimer);
  }

  async accessRows(): Promise<{ sessions: number; signInTokens: number }> {
    return { sessions: await this.#count('sessions'), signInTokens: await this.#count('sign_in_tokens') };
  }

  async history(): Promise<Array<HistoryEntry & { kind: Kind; id: string }>> {
    return (await this.#docs<HistoryDoc>('history', {}, { kind: 1, instanceId: 1, seq: 1 })).map((h) => ({ kind: h.kind, id: h.instanceId, ...toHistory(h) }));
  }
}

export const mongoTestStores: TestStoreFactory = {
  name: 'mongodb',
  supportsFaults: true,
  async open(options: TestStoreOptions = {}): Promise<TestStore> {
    if (MONGODB_URI === null) throw new Error('MRA_TEST_STORE=mongodb needs MONGODB_URI (a replica set; see the README)');
    const uri = withDatabase(MONGODB_URI, freshDatabaseName());
    const store = await MongoStore.open({ uri, serverSelectionTimeoutMs: 5000, ...(options.faults ? { faults: options.faults } : {}) });
    await createIndexes(store.connection);
    const others: Store[] = [];
    return {
      store,
      probe: new MongoProbe(store),
      serviceEnv: { MONGODB_URI: uri },
      connect: async () => {
        const other = await MongoStore.open({ uri });
        others.push(other);
        return other;
      },
      dispose: async () => {
        for (const other of others) await other.close();
        await store.connection.dropDatabase();
        await store.close();
      },
    };
  },
};
