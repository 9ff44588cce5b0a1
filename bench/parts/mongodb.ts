/**
 * Part 3 again on MongoDB, when MONGODB_URI names a replica set: the demo seeded into a fresh
 * database, then the same SUSPEND / RESUME workload as on SQLite, with 1 and N senders. The
 * database is dropped afterwards.
 */
import { KeyHasher } from '../../src/access/key-hash.js';
import { DEVELOPMENT_KEY_SECRET } from '../../src/config.js';
import { ManualClock } from '../../src/clock.js';
import { Durations } from '../../src/kinds/durations-table.js';
import { Engine } from '../../src/engine/engine.js';
import { commitContributors } from '../../src/effects/contributors.js';
import { applySeed, loadReferenceData } from '../../src/seed/apply-seed.js';
import { readSeed } from '../../src/seed/read-seed.js';
import { createIndexes, withDatabase } from '../../src/store/mongo/connect.js';
import { MongoStore } from '../../src/store/mongo/mongo-store.js';
import { Validator } from '../../src/validation.js';
import { SEED_DIR } from '../lib/bench-store.js';
import { prepareEngineLoad } from './engine.js';

export async function measureMongoEngine(uri: string, options: { rounds: number; seconds: number; senders: number }): Promise<{ one: number[]; many: number[] }> {
  const store = await MongoStore.open({ uri: withDatabase(uri, `mra_bench_${Date.now()}`) });
  try {
    await createIndexes(store.connection);
    const validator = new Validator();
    const durations = new Durations();
    const now = new Date();
    const seed = await readSeed(SEED_DIR, validator);
    await applySeed(store, seed, { now, durations, validator, hasher: new KeyHasher(DEVELOPMENT_KEY_SECRET) });
    const actors = await loadReferenceData(store, seed);
    const engine = new Engine({ contributors: commitContributors(), store, clock: new ManualClock(now), validator, durations, nodeId: 'bench' });
    const load = await prepareEngineLoad({ engine, actors }, options.senders * 8);
    const one: number[] = [];
    const many: number[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      one.push(await load.run(options.seconds, 1));
      many.push(await load.run(options.seconds, options.senders));
    }
    return { one, many };
  } finally {
    await store.connection.dropDatabase();
    await store.close();
  }
}
