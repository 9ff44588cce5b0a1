/** A principal's watches in MongoDB: a unique index on (principal, key) refuses a second watch of one target. */
import { AppError } from '../../errors.js';
import type { Page, WatchRecord, WatchStore } from '../port.js';
import { page } from './page.js';
import * as q from './queries.js';
import { isDuplicateKey, type Runner } from './run.js';
import { COLLECTIONS, fromKeyed, toKeyed } from './shapes.js';

export class MongoWatches implements WatchStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  async putWatch(watch: WatchRecord): Promise<void> {
    try {
      await this.#run.insert(COLLECTIONS.watches, [toKeyed(watch, 'id')]);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      throw new AppError({ code: 'DUPLICATE', detail: `You already watch this (${watch.key}).`, cause: error });
    }
  }

  async deleteWatch(id: string, principalId: string): Promise<boolean> {
    if ((await this.#run.one(q.watchOf(id, principalId))) === null) return false;
    await this.#run.deleteMany(q.watchOf(id, principalId));
    return true;
  }

  async listWatches(query: { principalId: string; limit: number; cursor?: string | null }): Promise<Page<WatchRecord>> {
    const docs = await this.#run.all<{ _id: string }>(q.watchesPage(query));
    return page(docs, query.limit, (d) => fromKeyed<'id', WatchRecord>(d, 'id'), (w) => [w.createdAt, w.id]);
  }

  async watchesOn(keys: readonly string[]): Promise<WatchRecord[]> {
    if (keys.length === 0) return [];
    return (await this.#run.all<{ _id: string }>(q.watchesOn(keys))).map((d) => fromKeyed<'id', WatchRecord>(d, 'id'));
  }
}
