/**
 * `npm run store:copy` on the demo store, SQLite to a new SQLite file: everything arrives (every
 * table, row for row), the history checksums are identical, and a non-empty target is refused.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'chai';
import { Durations } from '../../src/kinds/durations-table.js';
import { applySeed } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { openLocation, printable } from '../../src/cli/store-location.js';
import { copyStore, storeChecksum } from '../../src/store/copy.js';
import { STORE_TABLES, type Store, type StoreTable } from '../../src/store/port.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Validator } from '../../src/validation.js';
import { tempDir, testKeyHasher } from '../helpers/world.js';

const ROOT = join(import.meta.dirname, '..', '..');

function storeCopy(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/store-copy.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function everyRow(store: Store): Promise<Record<StoreTable, unknown[]>> {
  const all = {} as Record<StoreTable, unknown[]>;
  for (const table of STORE_TABLES) {
    all[table] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<Store['exportRows']>> = await store.exportRows(table, { limit: 7, cursor });
      all[table].push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  return all;
}

describe('store:copy', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  let source: string;

  before(async () => {
    ({ dir, remove } = tempDir('mra-copy-'));
    source = join(dir, 'demo.sqlite');
    const validator = new Validator();
    const store = new SqliteStore({ path: source });
    await applySeed(store, await readSeed(join(ROOT, 'seed'), validator), { now: new Date(), durations: new Durations(), validator, hasher: testKeyHasher });
    await store.close();
  });
  after(() => remove());

  it('copies the demo store into a new SQLite file, every row of every table, with identical history checksums', async () => {
    const target = join(dir, 'copy.sqlite');
    const run = storeCopy('--from', `sqlite:${source}`, '--to', `sqlite:${target}`, '--page-size', '5');
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(run.stdout) as { verified: boolean; counts: Record<StoreTable, number>; instances: number; sourceChecksum: string; targetChecksum: string };
    expect(report.verified).to.equal(true);
    expect(report.sourceChecksum).to.match(/^[0-9a-f]{64}$/).and.to.equal(report.targetChecksum);
    expect(run.stderr).to.contain('instances: 5').and.to.contain('copying sqlite:');

    const [from, to] = [new SqliteStore({ path: source }), new SqliteStore({ path: target })];
    try {
      // Checked here again, independently of the command's own verification.
      expect((await storeChecksum(to)).checksum).to.equal((await storeChecksum(from)).checksum);
      const [fromRows, toRows] = [await everyRow(from), await everyRow(to)];
      for (const table of STORE_TABLES) {
        expect(toRows[table], table).to.deep.equal(fromRows[table]);
        expect(report.counts[table], table).to.equal(fromRows[table].length);
      }
      for (const table of ['instances', 'history', 'outbox', 'deadlines', 'economies', 'cabs', 'principals'] as const) {
        expect(fromRows[table].length, `the demo has ${table}`).to.be.greaterThan(0);
      }
      const [instance] = (await from.find('test-reports', { limit: 1 })).items;
      expect(await to.load('test-reports', instance!.id)).to.deep.equal(instance);
      expect(await to.outboxCounts()).to.deep.equal(await from.outboxCounts());
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('refuses a target that is not empty, and changes nothing in it', async () => {
    const [from, to] = [new SqliteStore({ path: source }), new SqliteStore({ path: join(dir, 'copy.sqlite') })];
    try {
      const before = await everyRow(to);
      const error = await copyStore(from, to).catch((e: unknown) => e);
      expect((error as Error).message).to.contain('The target store is not empty');
      expect(await everyRow(to)).to.deep.equal(before);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('refuses a store it cannot name', async () => {
    const error = await openLocation('postgres://x', { create: true }).catch((e: unknown) => e);
    expect((error as Error).message).to.contain('is not a store');
    expect(printable('mongodb://mra:secret@db1:27017/mra?replicaSet=rs0')).to.equal('mongodb://mra:***@db1:27017/mra?replicaSet=rs0');
  });
});
