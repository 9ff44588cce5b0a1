/**
 * A full disk and a read-only store, for real: SQLite is made to refuse writes on the service's
 * own connection (`PRAGMA max_page_count` gives SQLITE_FULL, `PRAGMA query_only` gives
 * SQLITE_READONLY), while clients keep writing. Every refused write is a 503 problem+json
 * STORE_UNAVAILABLE, reads go on, nothing committed before is lost, nothing refused is written,
 * and once the room is back the same writes are taken.
 */
import { expect } from 'chai';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { ApiWorld } from '../helpers/api.js';

export type StoreFault = 'disk full' | 'read-only';

export interface StoreFaultResult {
  fault: StoreFault;
  /** Writes sent while the store refused them. */
  refusedWrites: number;
  /** Of those, answered 503 problem+json STORE_UNAVAILABLE. */
  answered503: number;
  /**
   * Of those, answered 201 and kept: with a full disk, a commit that fits in the free room of the
   * pages the file already has needs no new page and is taken, as SQLite takes it on a real full
   * disk. A read-only store takes none.
   */
  taken: number;
  /** Reads answered 200 while the store refused writes. */
  readsOk: number;
  /** Reports committed before the fault and missing (or changed) after it. */
  lost: number;
  /** Whether the refused writes left the store exactly as it was. */
  unchanged: boolean;
  /** The refused writes, sent again once the room was back, and taken (201). */
  recovered: number;
}

/** Whether this run's store can be made to refuse writes (the SQLite adapter); MongoDB cannot be here. */
export function canSimulateStoreFaults(api: ApiWorld): boolean {
  return api.world.store instanceof SqliteStore;
}

function simulate(store: SqliteStore, fault: StoreFault, on: boolean): void {
  if (fault === 'disk full') store.simulateFullDisk(on);
  else store.simulateReadOnly(on);
}

/** `writers` concurrent report submissions while the store has `fault`, then again once it is fixed. */
export async function storeFault(api: ApiWorld, fault: StoreFault, writers: number): Promise<StoreFaultResult> {
  const store = api.world.store as SqliteStore;
  const { lab } = await api.world.recognizedLab();
  api.world.advanceDays(3);
  const committed = await Promise.all(
    Array.from({ length: 5 }, async () => (await api.post<{ id: string; version: number }>('/test-reports', api.world.reportBody(), lab.id)).body),
  );
  const bodies = Array.from({ length: writers }, () => api.world.reportBody());
  const before = await api.world.snapshot();

  simulate(store, fault, true);
  let answers;
  let reads;
  try {
    [answers, reads] = await Promise.all([
      Promise.all(bodies.map((body) => api.post('/test-reports', body, lab.id))),
      Promise.all(committed.map((report) => api.get(`/test-reports/${report.id}`, 'kr-regulator'))),
    ]);
  } finally {
    simulate(store, fault, false);
  }
  const answered503 = answers.filter(
    (a) => a.status === 503 && a.headers.get('content-type')?.startsWith('application/problem+json') && a.body['code'] === 'STORE_UNAVAILABLE',
  ).length;
  const takenIds = new Set(answers.filter((a) => a.status === 201).map((a) => String(a.body['id'])));
  const after = await api.world.snapshot();
  // Nothing refused is written: the store is as it was, but for the writes answered 201.
  const unchanged =
    takenIds.size === 0
      ? JSON.stringify(after) === JSON.stringify(before)
      : JSON.stringify(after.instances.filter((entry) => !takenIds.has(entry.split('/')[1]!.split('@')[0]!))) === JSON.stringify(before.instances);

  const refusedBodies = bodies.filter((_, index) => answers[index]!.status !== 201);
  const again = await Promise.all(refusedBodies.map((body) => api.post('/test-reports', body, lab.id)));
  let lost = 0;
  for (const report of committed) {
    const [read, history] = await Promise.all([
      api.get<{ version: number }>(`/test-reports/${report.id}`, 'kr-regulator'),
      api.get<{ items: unknown[] }>(`/test-reports/${report.id}/history`, 'kr-regulator'),
    ]);
    if (read.status !== 200 || read.body.version !== report.version || history.body.items.length !== report.version) lost += 1;
  }
  const statuses = [...new Set(answers.map((a) => `${a.status} ${String(a.body['code'])}`))].join(', ');
  expect(answered503 + takenIds.size, `${fault}: every write answered 503 STORE_UNAVAILABLE or taken (got ${statuses})`).to.equal(writers);
  return {
    fault,
    refusedWrites: writers,
    answered503,
    taken: takenIds.size,
    readsOk: reads.filter((r) => r.status === 200).length,
    lost,
    unchanged,
    recovered: again.filter((a) => a.status === 201).length,
  };
}
