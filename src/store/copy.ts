/**
 * Moving a store: every table copied a page at a time from one adapter to another (SQLite to
 * MongoDB, back, or SQLite to SQLite), then verified by the row count of every table and a
 * checksum of every instance's history, read back through the port on both sides.
 */
import { createHash } from 'node:crypto';
import type { Kind } from '../kinds/types.js';
import type { InstanceStore, Page, StoreRows, StoreTable, TransferStore } from './port.js';
import { STORE_TABLES } from './port.js';

export interface CopyReport {
  counts: Record<StoreTable, number>;
  /** Instances whose history was compared. */
  instances: number;
  /** One digest over every instance's history digest, the same on both sides when the copy is faithful. */
  sourceChecksum: string;
  targetChecksum: string;
}

export interface CopyOptions {
  pageSize?: number;
  /** Called after each page with the rows copied of the table so far. */
  onProgress?: (table: StoreTable, copied: number) => void;
}

/** JSON with every object's keys sorted, so equal values give equal text whatever the adapter's key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function* pages<T extends StoreTable>(store: TransferStore, table: T, pageSize: number): AsyncGenerator<Array<StoreRows[T]>> {
  let cursor: string | null = null;
  do {
    const page: Page<StoreRows[T]> = await store.exportRows(table, { limit: pageSize, cursor });
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

async function isEmpty(store: TransferStore): Promise<boolean> {
  for (const table of STORE_TABLES) {
    if ((await store.exportRows(table, { limit: 1 })).items.length > 0) return false;
  }
  return true;
}

async function countRows(store: TransferStore, pageSize: number): Promise<Record<StoreTable, number>> {
  const counts = {} as Record<StoreTable, number>;
  for (const table of STORE_TABLES) {
    counts[table] = 0;
    for await (const items of pages(store, table, pageSize)) counts[table] += items.length;
  }
  return counts;
}

/** The digest of one instance's whole history, as the port answers it. */
export async function historyDigest(store: InstanceStore, kind: Kind, id: string): Promise<string> {
  const hash = createHash('sha256');
  let afterSeq = 0;
  for (;;) {
    const page = await store.history(kind, id, { afterSeq, limit: 200 });
    for (const entry of page.items) hash.update(canonical(entry)).update('\n');
    if (page.nextCursor === null) break;
    afterSeq = page.items.at(-1)!.seq;
  }
  return hash.digest('hex');
}

/** Every instance's history digest, by `kind/id`, and one digest over them all. */
export async function storeChecksum(store: TransferStore & InstanceStore, pageSize = 500): Promise<{ perInstance: Map<string, string>; checksum: string }> {
  const perInstance = new Map<string, string>();
  for await (const items of pages(store, 'instances', pageSize)) {
    for (const instance of items) perInstance.set(`${instance.kind}/${instance.id}`, await historyDigest(store, instance.kind, instance.id));
  }
  const all = createHash('sha256');
  for (const key of [...perInstance.keys()].sort()) all.update(`${key} ${perInstance.get(key)}\n`);
  return { perInstance, checksum: all.digest('hex') };
}

/**
 * Copies `from` into `to`, which must be empty, and verifies the copy.
 *
 * @throws Error when the target holds anything, or when the copy differs (naming the table or instance).
 */
export async function copyStore(from: TransferStore & InstanceStore, to: TransferStore & InstanceStore, options: CopyOptions = {}): Promise<CopyReport> {
  const pageSize = options.pageSize ?? 500;
  if (!(await isEmpty(to))) throw new Error('The target store is not empty: store:copy writes only into an empty store, so nothing is overwritten or mixed.');
  const copied = {} as Record<StoreTable, number>;
  for (const table of STORE_TABLES) {
    copied[table] = 0;
    for await (const items of pages(from, table, pageSize)) {
      await to.importRows(table, items);
      copied[table] += items.length;
      options.onProgress?.(table, copied[table]);
    }
  }
  const [sourceCounts, targetCounts] = [await countRows(from, pageSize), await countRows(to, pageSize)];
  for (const table of STORE_TABLES) {
    if (sourceCounts[table] !== targetCounts[table] || copied[table] !== sourceCounts[table]) {
      throw new Error(`Verification failed: ${table} has ${sourceCounts[table]} rows in the source, ${targetCounts[table]} in the target (${copied[table]} copied).`);
    }
  }
  const [source, target] = [await storeChecksum(from, pageSize), await storeChecksum(to, pageSize)];
  for (const [key, digest] of source.perInstance) {
    if (target.perInstance.get(key) !== digest) throw new Error(`Verification failed: the history of ${key} differs between source and target.`);
  }
  return { counts: targetCounts, instances: source.perInstance.size, sourceChecksum: source.checksum, targetChecksum: target.checksum };
}
