/**
 * A store written by an earlier release (the committed files in test/fixtures/, written by
 * test/fixtures/write-release-*.ts), copied to a temporary folder and opened by this code with an
 * engine whose clock stands two days after the fixtures were seeded.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../src/kinds/types.js';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { actorOf } from '../../src/principals.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from './world.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
/** When every release fixture was seeded. */
export const RELEASE_SEEDED_AT = '2026-01-05T09:00:00.000Z';

export interface ReleaseStore {
  store: SqliteStore;
  engine: Engine;
  as: (id: string) => Promise<Actor>;
  close: () => Promise<void>;
  path: string;
}

export function openReleaseStore(name: string): ReleaseStore {
  const { dir, remove } = tempDir('mra-upgrade-');
  const path = join(dir, 'mra.sqlite');
  copyFileSync(join(FIXTURES, name), path);
  const store = new SqliteStore({ path });
  const clock = new ManualClock(new Date(Date.parse(RELEASE_SEEDED_AT) + 2 * 86_400_000));
  const engine = new Engine({ contributors: commitContributors(), store, clock, nodeId: 'upgrade-test', reportError: (error) => { throw error; } });
  const as = async (id: string) => actorOf((await store.getPrincipal(id))!);
  return { store, engine, as, path, close: async () => { await store.close(); remove(); } };
}
