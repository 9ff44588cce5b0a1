/**
 * `npm run load -- --reports 1000000 [--store sqlite:./data/mra.sqlite] [--senders 16]`: fills a
 * store with test reports for measuring it at a register's size. Each report is submitted by the
 * demo lab through the engine's own commit path (screening on its test date, history, deadlines,
 * e-mail), many at once so the store's group commit writes many transitions per transaction; one
 * in ten is accepted by Korea's regulator. Their e-mails are then recorded as sent (they were
 * never meant for anyone), a batch per write. The store gets the demo story first when empty.
 */
import { parseArgs } from 'node:util';
import { KeyHasher } from '../access/key-hash.js';
import { systemClock } from '../clock.js';
import { DEVELOPMENT_KEY_SECRET } from '../config.js';
import { Durations } from '../engine/durations-table.js';
import { Engine } from '../engine/engine.js';
import { applySeed, loadReferenceData } from '../seed/apply-seed.js';
import { readSeed } from '../seed/read-seed.js';
import { Validator } from '../validation.js';
import { join } from 'node:path';
import { openLocation, printable } from './store-location.js';
import { ProgressLine } from './progress.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '10000' },
    store: { type: 'string', default: `sqlite:${process.env['MRA_DB_PATH'] ?? './data/mra.sqlite'}` },
    senders: { type: 'string', default: '16' },
    prefix: { type: 'string', default: `LOAD-${Date.now().toString(36).toUpperCase()}` },
  },
});
const count = Number(values.reports.replace(/_/g, ''));
const senders = Number(values.senders);
if (!Number.isInteger(count) || count < 1) throw new Error(`--reports takes a whole number of at least 1, not "${values.reports}"`);
if (!Number.isInteger(senders) || senders < 1) throw new Error(`--senders takes a whole number of at least 1, not "${values.senders}"`);

const DAY = 86_400_000;
const ACCEPT_EVERY = 10;
const store = await openLocation(values.store, { create: true });
try {
  const validator = new Validator();
  const durations = new Durations();
  const now = systemClock.now();
  const seed = await readSeed(join(import.meta.dirname, '..', '..', 'seed'), validator);
  if (await store.isEmpty()) await applySeed(store, seed, { now, durations, validator, hasher: new KeyHasher(DEVELOPMENT_KEY_SECRET) });
  const actors = await loadReferenceData(store, seed);
  const lab = actors.get('lab-song-hong');
  const regulator = actors.get('kr-regulator');
  if (!lab || !regulator) throw new Error('The store has no demo lab lab-song-hong or Korean regulator: load into a store seeded with the demo');
  const engine = new Engine({ store, clock: systemClock, validator, durations, nodeId: 'load' });

  process.stderr.write(`loading ${count.toLocaleString('en')} test reports into ${printable(values.store)}, ${senders} at a time\n`);
  const progress = new ProgressLine('reports', count);
  let next = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < count) {
        const n = next++;
        const report = await engine.create(
          'test-reports',
          {
            reportNumber: `${values.prefix}-${n}`,
            importingEconomy: 'KR',
            regulations: ['KR:KN 32'],
            equipment: { manufacturer: `Công ty Thiết bị Mạng ${n % 997}`, model: `AX-${values.prefix}-${n}`, category: 'router' },
            testedAt: new Date(now.getTime() - 2 * DAY).toISOString(),
            issuedAt: new Date(now.getTime() - DAY).toISOString(),
          },
          lab,
        );
        if (n % ACCEPT_EVERY === 0) await engine.send('test-reports', report.id, { type: 'ACCEPT' }, regulator);
        progress.tick();
      }
    }),
  );
  progress.end();

  const pending = (await store.queueFigures(systemClock.now().toISOString())).outbox.pending;
  const marking = new ProgressLine('e-mails recorded as sent', pending);
  for (;;) {
    const at = systemClock.now().toISOString();
    const batch = await store.claimOutbox({ owner: 'load', now: at, leaseMs: 60_000, limit: 5000 });
    if (batch.length === 0) break;
    await store.recordOutboxResults('load', batch.map((m) => ({ id: m.id, sent: { at, response: 'not sent: loaded in bulk by npm run load' } })));
    marking.tick(batch.length);
  }
  marking.end();
} finally {
  await store.close();
}
