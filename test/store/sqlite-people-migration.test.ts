/**
 * A store written by the release before people and keys opens: its principals gain their
 * organisation, their SHA-256 key digests move to the key table and are re-keyed with the
 * server secret at start-up, and the old keys still work.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { upgradeLegacyKeyHashes } from '../../src/access/index.js';
import { Credentials } from '../../src/access/credentials.js';
import { KeyHasher } from '../../src/access/key-hash.js';
import { ManualClock } from '../../src/clock.js';
import { migrateSchema } from '../../src/store/sqlite/schema.js';
import { SqliteStore, openDatabase } from '../../src/store/sqlite/sqlite-store.js';
import { BASE, tempDir } from '../helpers/world.js';

describe('SQLite: opening a store of the previous release', () => {
  it('keeps its principals and their keys, re-keyed, as they were', async () => {
    const { dir, remove } = tempDir();
    try {
      const path = join(dir, 'old.sqlite');
      // The previous release's file: schema 2, a principal row with its key's bare SHA-256 digest.
      const old = openDatabase(path);
      migrateSchema(old, 2);
      const sha = createHash('sha256').update('demo-lab-song-hong-key', 'utf8').digest('hex');
      const lab = { id: 'lab-song-hong', name: 'Phòng thử nghiệm Viễn thông Sông Hồng', role: 'lab', cabId: 'vn-lab-song-hong', economy: 'VN', email: 'lab@songhong.vn.example', language: 'vi', apiKeyHash: sha };
      old.prepare(`INSERT INTO principals (id, role, economy, key_hash, data) VALUES (?, 'lab', 'VN', ?, ?)`).run(lab.id, sha, JSON.stringify(lab));
      old.close();

      const store = new SqliteStore({ path });
      const hasher = new KeyHasher('a-server-secret-of-at-least-32-characters');
      const [legacy] = await store.listApiKeys({ principalId: 'lab-song-hong' });
      expect(legacy).to.deep.include({ hash: sha, hashScheme: 'sha256', revokedAt: null });
      expect(await upgradeLegacyKeyHashes(store, hasher)).to.equal(1);
      expect(await upgradeLegacyKeyHashes(store, hasher), 'a second start has nothing left to do').to.equal(0);
      const [upgraded] = await store.listApiKeys({ principalId: 'lab-song-hong' });
      expect(upgraded!.hash).to.not.equal(sha);

      const credentials = new Credentials({ store, hasher, clock: new ManualClock(BASE) });
      const { principal } = await credentials.byApiKey('demo-lab-song-hong-key');
      const { apiKeyHash: _digest, ...kept } = lab;
      expect(principal).to.deep.equal({ ...kept, organisation: 'vn-lab-song-hong' });
      await store.close();
    } finally {
      remove();
    }
  });
});
