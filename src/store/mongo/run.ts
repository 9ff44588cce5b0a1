/**
 * Runs the reads and writes of `queries.ts` through the mongoose models: lean reads (plain
 * objects, no documents to hydrate), validators on updates, and the session when inside a
 * transaction. Nothing here decides what to ask; `queries.ts` does.
 */
import type { ClientSession } from 'mongoose';
import type { Models } from './models.js';
import type { Read, Write } from './queries.js';
import { boundsOf } from './timeouts.js';

type Session = ClientSession | null;

export class Runner {
  readonly #models: Models;
  readonly #maxTimeMS: number;

  /** `maxTimeMS` bounds every command on the server (`timeouts.ts`). */
  constructor(models: Models, bounds: { maxTimeMS: number } = boundsOf({}).operation) {
    this.#models = models;
    this.#maxTimeMS = bounds.maxTimeMS;
  }

  /**
   * The session option (left out when there is none: some of mongoose's signatures take no null),
   * or else the time bound. Inside a transaction the statements wait for no write concern and no
   * lock longer than the server's 5 ms, and the commit carries the bound (`maxCommitTimeMS`).
   */
  #within(session: Session): { session: ClientSession } | { maxTimeMS: number } {
    return session === null ? { maxTimeMS: this.#maxTimeMS } : { session };
  }

  async all<T>(read: Read, session: Session = null): Promise<T[]> {
    let query = this.#models[read.collection].find(read.filter, null, this.#within(session)).lean();
    if (read.sort) query = query.sort(read.sort);
    if (read.limit !== undefined) query = query.limit(read.limit);
    if (read.hint !== undefined) query = query.hint(read.hint);
    if (read.maxTimeMs !== undefined) query = query.maxTimeMS(read.maxTimeMs);
    return (await query.exec()) as T[];
  }

  /** How many documents the filter matches (an index count when one serves it), no more than `read.limit`. */
  async count(read: Read, session: Session = null): Promise<number> {
    const bounds = { ...(read.limit === undefined ? {} : { limit: read.limit }), ...(read.hint === undefined ? {} : { hint: read.hint }) };
    return this.#models[read.collection].countDocuments(read.filter, { ...this.#within(session), ...bounds }).exec();
  }

  /** How many documents the collection holds, from its metadata: no scan, whatever its size. */
  async estimatedCount(collection: Read['collection']): Promise<number> {
    return this.#models[collection].estimatedDocumentCount({ maxTimeMS: this.#maxTimeMS }).exec();
  }

  async one<T>(read: Read, session: Session = null): Promise<T | null> {
    return (await this.#models[read.collection].findOne(read.filter, null, this.#within(session)).lean().exec()) as T | null;
  }

  /** Updates the one matching document and answers it as it is afterwards; null when none matched. */
  async update<T>(write: Write, session: Session = null, options: { upsert?: boolean } = {}): Promise<T | null> {
    return (await this.#models[write.collection]
      .findOneAndUpdate(write.filter, write.update, { ...this.#within(session), ...validated(write), returnDocument: 'after', upsert: options.upsert ?? false })
      .lean()
      .exec()) as T | null;
  }

  /** True when a document matched (and so was changed). */
  async updateOne(write: Write, session: Session = null): Promise<boolean> {
    const result = await this.#models[write.collection].updateOne(write.filter, write.update, { ...this.#within(session), ...validated(write) }).exec();
    return result.matchedCount === 1;
  }

  async updateMany(write: Write, session: Session = null): Promise<number> {
    const result = await this.#models[write.collection].updateMany(write.filter, write.update, { ...this.#within(session), ...validated(write) }).exec();
    return result.modifiedCount;
  }

  /**
   * Several updates of one document each, in one round trip, unordered (one failing stops none of
   * the others). Answers how many matched.
   */
  async bulkUpdate(writes: readonly Write[], session: Session = null): Promise<number> {
    const [first] = writes;
    if (first === undefined) return 0;
    if (writes.some((w) => w.collection !== first.collection)) throw new Error('bulkUpdate: one collection per call');
    const result = await this.#models[first.collection].bulkWrite(
      writes.map((w) => ({ updateOne: { filter: w.filter, update: w.update } })),
      { ...this.#within(session), ordered: false },
    );
    return result.matchedCount;
  }

  async insert(collection: Read['collection'], docs: readonly object[], session: Session = null): Promise<void> {
    if (docs.length === 0) return;
    // Ordered, so the first duplicate stops the batch and the transaction's error is that one.
    await this.#models[collection].insertMany(docs, { ...this.#within(session), ordered: true });
  }

  async deleteMany(read: Read, session: Session = null): Promise<void> {
    await this.#models[read.collection].deleteMany(read.filter, this.#within(session)).exec();
  }

  /** Creates or replaces one document by `_id`, validated. */
  async put(collection: Read['collection'], doc: { _id: string } & Record<string, unknown>, session: Session = null): Promise<void> {
    await this.#models[collection].replaceOne({ _id: doc._id }, doc, { ...this.#within(session), upsert: true, runValidators: true }).exec();
  }

  async aggregate<T>(collection: Read['collection'], pipeline: Array<Record<string, unknown>>): Promise<T[]> {
    return this.#models[collection].aggregate<T>(pipeline as never[]).option({ maxTimeMS: this.#maxTimeMS }).exec();
  }
}

/**
 * Validators on an update document; an update pipeline (a lease taken by the server's clock,
 * `leases.ts`) is sent as it is, which mongoose allows only when told, and cannot validate.
 */
function validated(write: Write): { runValidators: true } | { updatePipeline: true } {
  return Array.isArray(write.update) ? { updatePipeline: true } : { runValidators: true };
}

/** MongoDB's duplicate-key error (E11000), as the driver reports it. */
export function isDuplicateKey(error: unknown): error is Error & { keyValue?: Record<string, unknown> } {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
