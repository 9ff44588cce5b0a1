/** The authorisation table, a full and a read-only store, and an online backup under load. */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { tempDir } from '../helpers/world.js';
import { record } from './figures.js';
import { authorizationTable, referenceTable } from './authorization.js';
import { backupUnderLoad } from './backup.js';
import { canSimulateStoreFaults, storeFault } from './store-faults.js';

describe('reliability: authorisation, a store that cannot write, backup', () => {
  let api: ApiWorld;
  beforeEach(async () => (api = await ApiWorld.create()));
  afterEach(async () => api.close());

  it('every principal × every event × every instance against the table from docs/domain.md: 0 forbidden accepted; reports 404 to outsiders', async () => {
    const result = await authorizationTable(api);
    record('authorisation', 'instances × principals × events (cells)', `${result.instances} × ${result.principals} → ${result.cells}`);
    record('authorisation', 'forbidden sent / accepted / refused by validation', `${result.forbiddenSent} / ${result.accepted} / ${result.invalid}`);
    record('authorisation', 'refusals by status', Object.entries(result.refusals).map(([status, n]) => `${status}: ${n}`).join(', '));
    record('authorisation', 'store changed by refusals', result.storeChanged ? 'YES' : 'no');
    record('authorisation', 'outsider requests to report routes / not 404', `${result.outsiderRequests} / ${result.outsiderSeen}`);
    expect(result).to.include({ accepted: 0, invalid: 0, storeChanged: false, outsiderSeen: 0 });
  });

  it('every principal × every reference a create body carries × every record it names: one it may not read answers as an unknown id and writes nothing', async () => {
    const result = await referenceTable(api);
    record('authorisation', 'references: cells / naming a record one may not read', `${result.cells} / ${result.hiddenSent}`);
    record('authorisation', 'references: unlike an unknown id / store changed / readable refused / 5xx', `${result.told} / ${result.changed} / ${result.readableRefused} / ${result.failed}`);
    record('authorisation', 'references: created from a readable one, by field', Object.entries(result.created).map(([field, n]) => `${field}: ${n}`).join(', '));
    expect(result).to.include({ told: 0, changed: 0, readableRefused: 0, failed: 0 });
    expect(result.hiddenSent).to.be.greaterThan(0);
    for (const [field, created] of Object.entries(result.created)) expect(created, field).to.be.greaterThan(0);
  });

  for (const fault of ['disk full', 'read-only'] as const) {
    it(`${fault}: 32 concurrent writes answer 503 STORE_UNAVAILABLE unless they fit in the room the file has, nothing committed lost, refused writes taken again after`, async function () {
      if (!canSimulateStoreFaults(api)) {
        record('store unavailable', fault, 'NOT RUN: SQLite only');
        this.skip();
      }
      const result = await storeFault(api, fault, 32);
      record('store unavailable', `${fault}: writes answered 503 STORE_UNAVAILABLE / taken in the room the file had`, `${result.answered503} / ${result.taken} of ${result.refusedWrites}`);
      record('store unavailable', `${fault}: reads OK / committed lost / store unchanged`, `${result.readsOk} / ${result.lost} / ${result.unchanged ? 'yes' : 'NO'}`);
      record('store unavailable', `${fault}: refused writes taken after recovery`, `${result.recovered} / ${result.answered503}`);
      expect(result).to.include({ lost: 0, unchanged: true, recovered: result.answered503 });
      // A full disk refuses at least every write that needs a new page: most of them; a read-only store refuses all.
      expect(result.answered503).to.be.at.least(fault === 'read-only' ? 32 : 16);
    });
  }

  it('npm run backup under load, npm run restore verified by the history checksum', async function () {
    if (!canSimulateStoreFaults(api)) {
      record('backup', 'SQLite backup', 'NOT RUN: MongoDB is backed up with mongodump');
      this.skip();
    }
    const { dir, remove } = tempDir('mra-backup-');
    try {
      const result = await backupUnderLoad(api, dir, 8);
      record('backup', 'pages / restarts / ms', `${result.pages} / ${result.restarts} / ${result.backupMs}`);
      record('backup', 'writes acknowledged while it ran', result.writesDuring);
      record('backup', 'instances restored / earlier writes missing / not a prefix', `${result.instances} / ${result.missing} / ${result.notPrefix}`);
      record('backup', 'restore checksum equals backup checksum', result.verified ? `yes (${result.checksum.slice(0, 12)}…)` : 'NO');
      expect(result).to.include({ missing: 0, notPrefix: 0, verified: true });
    } finally {
      remove();
    }
  });
});
