/**
 * `npm run load -- --reports 1000000 [--store sqlite:./data/mra.sqlite] [--batch 500]
 * [--journal load.jsonl] [--resume]`: fills a store with test reports for measuring it at a
 * register's size. Each report is submitted by the demo lab through the engine's own commit path
 * (screening on its test date, history, deadlines, e-mail, search index), a batch of them per
 * store transaction (`Engine.createMany`), bounded by MRA_BULK_COMMITS (or `--batch`),
 * MRA_BULK_TRANSACTION_BYTES and MRA_BULK_TRANSACTION_MS; one in ten is accepted by Korea's
 * regulator, in a transaction per batch too. Their e-mails are written already sent (they were
 * never meant for anyone). The store gets the demo story first when empty. With `--journal`, each
 * committed step is written down, and `--resume` goes on from where an interrupted load stopped,
 * with its prefix and count, writing no report twice.
 */
import { parseArgs } from 'node:util';
import { KeyHasher } from '../access/key-hash.js';
import { systemClock } from '../clock.js';
import { DEVELOPMENT_KEY_SECRET, SETTINGS, readSetting } from '../config.js';
import { Durations } from '../kinds/durations-table.js';
import { Engine } from '../engine/engine.js';
import { commitContributors } from '../effects/contributors.js';
import { reindexIfStale } from '../engine/reindex.js';
import { createLogger } from '../logger.js';
import { applySeed, loadReferenceData } from '../seed/apply-seed.js';
import { readSeed } from '../seed/read-seed.js';
import { Validator } from '../validation.js';
import { join } from 'node:path';
import { openLocation, printable } from './store-location.js';
import { ProgressLine } from './progress.js';
import { loadReports } from './bulk-reports.js';
import { LoadJournal, progressOf } from './load-journal.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    store: { type: 'string', default: `sqlite:${readSetting(SETTINGS.dbPath)}` },
    batch: { type: 'string', default: String(readSetting(SETTINGS.bulk.commits)) },
    prefix: { type: 'string', default: `LOAD-${Date.now().toString(36).toUpperCase()}` },
    journal: { type: 'string' },
    resume: { type: 'boolean', default: false },
  },
});
if (values.resume && values.journal === undefined) throw new Error('--resume needs the --journal of the load to resume');
const journal = values.journal === undefined ? undefined : new LoadJournal(values.journal);
const resume = values.resume && journal ? progressOf(journal.entries()) : undefined;
const count = resume?.count ?? Number(values.reports.replace(/_/g, ''));
const prefix = resume?.prefix ?? values.prefix;
const batch = Number(values.batch);
if (!Number.isInteger(count) || count < 1) throw new Error(`--reports takes a whole number of at least 1, not "${values.reports}"`);
if (!Number.isInteger(batch) || batch < 1) throw new Error(`--batch takes a whole number of at least 1, not "${values.batch}"`);

const ACCEPT_EVERY = 10;
const store = await openLocation(values.store, { create: true });
try {
  const validator = new Validator();
  const durations = new Durations();
  const now = systemClock.now();
  const seed = await readSeed(join(import.meta.dirname, '..', '..', 'seed'), validator);
  // As the service does before it seeds: a new store is recorded as indexed by this code, so the
  // service's first start does not re-index the million reports written here; a stale one is re-indexed.
  await reindexIfStale(store, createLogger({ level: 'warn', format: null }));
  if (await store.isEmpty()) await applySeed(store, seed, { now, durations, validator, hasher: new KeyHasher(DEVELOPMENT_KEY_SECRET) });
  const actors = await loadReferenceData(store, seed);
  const lab = actors.get('lab-song-hong');
  const regulator = actors.get('kr-regulator');
  if (!lab || !regulator) throw new Error('The store has no demo lab lab-song-hong or Korean regulator: load into a store seeded with the demo');
  const engine = new Engine({ contributors: commitContributors(), store, clock: systemClock, validator, durations, nodeId: 'load' });

  const from = 0;
  if (journal && !resume) journal.append({ load: { prefix, from, count } });
  const done = resume ? resume.next - from : 0;
  process.stderr.write(
    `loading ${count.toLocaleString('en')} test reports into ${printable(values.store)}, at most ${batch} per transaction` +
      (resume ? `, resuming after ${done.toLocaleString('en')}\n` : '\n'),
  );
  const progress = new ProgressLine('reports', count - done);
  const day = 86_400_000;
  await loadReports({
    engine,
    lab,
    regulator,
    from,
    count,
    batch,
    limits: { bytes: readSetting(SETTINGS.bulk.transactionBytes), ms: readSetting(SETTINGS.bulk.transactionMs) },
    ...(journal ? { journal } : {}),
    ...(resume ? { resume } : {}),
    acceptEvery: ACCEPT_EVERY,
    body: (n) => ({
      reportNumber: `${prefix}-${n}`,
      importingEconomy: 'KR',
      regulations: ['KR:KN 32'],
      equipment: { manufacturer: `Công ty Thiết bị Mạng ${n % 997}`, model: `AX-${prefix}-${n}`, category: 'router' },
      testedAt: new Date(now.getTime() - 2 * day).toISOString(),
      issuedAt: new Date(now.getTime() - day).toISOString(),
    }),
    mailSent: (at) => ({ at: at.toISOString(), response: 'not sent: loaded in bulk by npm run load' }),
    onBatch: (made) => progress.tick(made.length),
  });
  progress.end();
} finally {
  await store.close();
}
