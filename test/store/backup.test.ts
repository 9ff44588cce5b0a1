/**
 * `npm run backup` under load and `npm run restore`, on real SQLite files (the scenario of
 * `npm run test:reliability`, smaller), and what both say on MongoDB.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/world.js';
import { testStores } from '../helpers/store-factory.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { backupUnderLoad } from '../reliability/backup.js';

describe('npm run backup and npm run restore', function () {
  this.timeout(120_000);
  let dir: string;
  let remove: () => void;
  let api: ApiWorld;
  before(async function () {
    ({ dir, remove } = tempDir('mra-backup-'));
    api = await ApiWorld.create();
    if (!(api.world.store instanceof SqliteStore)) {
      console.error(`      SKIPPED: npm run backup copies a SQLite file; the ${testStores.name} test store is backed up with mongodump`);
      this.skip();
    }
  });
  after(async () => {
    await api?.close();
    remove();
  });

  it('backs up while clients write, with progress; the restore has the backup checksum, every earlier write, and histories that are prefixes of the live ones', async () => {
    const result = await backupUnderLoad(api, dir, 4);
    expect(result).to.include({ progressShown: true, missing: 0, notPrefix: 0, verified: true });
    expect(result.instances).to.be.greaterThan(10);
    expect(statSync(join(dir, 'backup.sqlite')).mode & 0o777, 'the backup is readable by its owner only').to.equal(0o600);
  });

  it('refuses to overwrite a file, and restores over an existing store only with --replace', async () => {
    const backup = await runCli('backup.ts', [join(dir, 'backup.sqlite')], { MRA_DB_PATH: (api.world.store as SqliteStore).path });
    expect(backup.code).to.equal(1);
    expect(backup.stderr).to.match(/exists: a backup is written to a new file/);
    const refused = await runCli('restore.ts', [join(dir, 'backup.sqlite'), '--to', join(dir, 'restored.sqlite')]);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.match(/add --replace/);
    const replaced = await runCli('restore.ts', [join(dir, 'backup.sqlite'), '--to', join(dir, 'restored.sqlite'), '--replace']);
    expect(replaced.code, replaced.stderr).to.equal(0);
    expect(JSON.parse(replaced.stdout)).to.include({ verified: true });
  });

  it('on MongoDB, says it is mongodump’s job and copies nothing', async () => {
    const answer = await runCli('backup.ts', [join(dir, 'mongo.sqlite')], { MONGODB_URI: 'mongodb://127.0.0.1:1/mra?replicaSet=rs0' });
    expect(answer.code).to.equal(2);
    expect(answer.stderr).to.match(/mongodump --uri/).and.match(/mongorestore/);
  });
});
