/** The store's collections a page at a time, for a copy to or from another store; the conversions are in `transfer.ts`. */
import type { Page, StoreRows, StoreTable, TransferStore } from '../port.js';
import { encodeCursor } from '../cursor.js';
import * as q from './queries.js';
import type { Runner } from './run.js';
import { COLLECTIONS, type DeadlineDoc, type HistoryDoc, type InstanceDoc, type OutboxDoc, type UniqueKeyDoc } from './shapes.js';
import * as transfer from './transfer.js';

export class MongoTransfer implements TransferStore {
  readonly #run: Runner;

  constructor(run: Runner) {
    this.#run = run;
  }

  async exportRows<T extends StoreTable>(table: T, request: { limit: number; cursor?: string | null }): Promise<Page<StoreRows[T]>> {
    const docs = await this.#run.all<{ _id: string } & Record<string, unknown>>(q.exportPage(table, request));
    const slice = docs.slice(0, request.limit);
    const nextCursor = docs.length > request.limit ? encodeCursor([slice.at(-1)!._id]) : null;
    return { items: (await this.#rowsOf(table, slice)) as Array<StoreRows[T]>, nextCursor };
  }

  async #rowsOf(table: StoreTable, docs: Array<{ _id: string } & Record<string, unknown>>): Promise<unknown[]> {
    if (transfer.isKeyedTable(table)) return docs.map((doc) => transfer.keyedRow(table, doc));
    if (table === 'history') return (docs as unknown as HistoryDoc[]).map(transfer.historyRow);
    if (table === 'outbox') return (docs as unknown as OutboxDoc[]).map(transfer.outboxRow);
    if (table === 'deadlines') return (docs as unknown as DeadlineDoc[]).map(transfer.deadlineRow);
    const instances = docs as unknown as InstanceDoc[];
    const rows = [];
    for (const instance of instances) {
      const keys = await this.#run.all<UniqueKeyDoc>(q.uniqueKeysOf(instance.kind, instance.id));
      rows.push(transfer.instanceRow(instance, keys));
    }
    return rows;
  }

  async importRows<T extends StoreTable>(table: T, rows: ReadonlyArray<StoreRows[T]>): Promise<void> {
    if (transfer.isKeyedTable(table)) {
      await this.#run.insert(table, rows.map((row) => transfer.keyedDoc(table, row as StoreRows[typeof table])));
    } else if (table === 'history') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['history']>).map(transfer.historyDocOf));
    } else if (table === 'outbox') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['outbox']>).map(transfer.outboxDocOf));
    } else if (table === 'deadlines') {
      await this.#run.insert(table, (rows as ReadonlyArray<StoreRows['deadlines']>).map(transfer.deadlineDocOf));
    } else {
      const docs = (rows as ReadonlyArray<StoreRows['instances']>).map(transfer.instanceDocs);
      await this.#run.insert(COLLECTIONS.instances, docs.map((d) => d.instance));
      await this.#run.insert(COLLECTIONS.uniqueKeys, docs.flatMap((d) => d.keys));
    }
  }
}
