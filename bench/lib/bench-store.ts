/**
 * The store every part of the bench measures: a SQLite file with the store's own settings, the
 * demo seed played into it (so the recognised lab, the agreements and the principals are real),
 * then filled with test reports submitted through the engine, screening and all.
 */
import { KeyHasher } from '../../src/access/key-hash.js';
import { DEVELOPMENT_KEY_SECRET } from '../../src/config.js';
import type { SqliteSynchronous as SynchronousMode } from '../../src/config.js';
import { join } from 'node:path';
import type { Actor } from '../../src/kinds/types.js';
import { ManualClock } from '../../src/clock.js';
import { Durations } from '../../src/kinds/durations-table.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { reindexIfStale } from '../../src/engine/reindex.js';
import { createLogger } from '../../src/logger.js';
import { applySeed, loadReferenceData } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Validator } from '../../src/validation.js';
import { loadReports } from '../../src/cli/bulk-reports.js';

export const SEED_DIR = join(import.meta.dirname, '..', '..', 'seed');

/** The demo lab that Korea recognises, and what it tests against. */
export const LAB = 'lab-song-hong';
export const LAB_KEY = 'demo-lab-song-hong-key';
export const KR_REGULATOR_KEY = 'demo-kr-regulator-key';
export const VN_REGULATOR_KEY = 'demo-vn-regulator-key';
export const IMPORTER_KEY = 'demo-importer-key';

export interface BenchStore {
  store: SqliteStore;
  engine: Engine;
  clock: ManualClock;
  actors: Map<string, Actor>;
  path: string;
}

/** Opens `path` (creating and seeding it with the demo when new) with an engine on a manual clock. */
export async function openBenchStore(path: string, synchronous: SynchronousMode, now: Date): Promise<BenchStore> {
  const validator = new Validator();
  const store = new SqliteStore({ path, synchronous });
  const seed = await readSeed(SEED_DIR, validator);
  const durations = new Durations();
  // As the service does before it seeds, so its start-up on this store measures no re-indexing.
  await reindexIfStale(store, createLogger({ level: 'warn', format: null }));
  if (await store.isEmpty()) await applySeed(store, seed, { now, durations, validator, hasher: new KeyHasher(DEVELOPMENT_KEY_SECRET) });
  const actors = await loadReferenceData(store, seed);
  const clock = new ManualClock(now);
  const engine = new Engine({ contributors: commitContributors(), store, clock, validator, durations, nodeId: 'bench' });
  return { store, engine, clock, actors, path };
}

/** The body of one submission by the demo lab to Korea; `n` makes its report number and model unique. */
export function reportBody(n: number, now: Date, prefix = 'BENCH'): Record<string, unknown> {
  const day = 86_400_000;
  return {
    reportNumber: `${prefix}-${n}`,
    importingEconomy: 'KR',
    regulations: ['KR:KN 32'],
    equipment: { manufacturer: `Công ty Thiết bị Mạng ${n % 997}`, model: `AX-${n}`, category: 'router' },
    testedAt: new Date(now.getTime() - 2 * day).toISOString(),
    issuedAt: new Date(now.getTime() - day).toISOString(),
  };
}

/** Every this many submitted reports, one is accepted by Korea's regulator (so the public look-up has decided reports). */
export const ACCEPT_EVERY = 10;

export interface Filled {
  /** Ids of up to 10,000 of the reports made. */
  ids: string[];
  /** Report numbers of up to 10,000 accepted reports. */
  accepted: string[];
}

/**
 * Submits `count` test reports (numbered from `from`) through the loader's fast path, a batch per
 * commit (`src/cli/bulk-reports.ts`), and accepts one in ACCEPT_EVERY of them, reporting progress.
 * With `mailSent` their e-mails are written already sent (a store for measuring at a size); without
 * it they wait in the outbox (the dispatcher's drain).
 */
export async function fillReports(
  bench: BenchStore,
  from: number,
  count: number,
  options: { batch?: number; mailSent?: boolean; progress?: (done: number) => void } = {},
): Promise<Filled> {
  const filled: Filled = { ids: [], accepted: [] };
  const now = bench.clock.now();
  let done = 0;
  await loadReports({
    engine: bench.engine,
    lab: bench.actors.get(LAB)!,
    regulator: bench.actors.get('kr-regulator')!,
    from,
    count,
    ...(options.batch === undefined ? {} : { batch: options.batch }),
    acceptEvery: ACCEPT_EVERY,
    body: (n) => reportBody(n, now),
    ...(options.mailSent ? { mailSent: (at: Date) => ({ at: at.toISOString(), response: 'not sent: loaded in bulk by npm run bench' }) } : {}),
    onBatch: (made, accepted) => {
      for (const { report } of made) if (filled.ids.length < 10_000) filled.ids.push(report.id);
      for (const n of accepted) if (filled.accepted.length < 10_000) filled.accepted.push(String(reportBody(n, now)['reportNumber']));
      const before = done;
      done += made.length;
      if (Math.floor(done / 10_000) > Math.floor(before / 10_000)) options.progress?.(done);
    },
  });
  return filled;
}
