/** Prints the seed first and the table of figures last (mocha root hooks of `.mocharc.reliability.json`). */
import { SEED, table } from './figures.js';

export const mochaHooks = {
  beforeAll(): void {
    process.stdout.write(`reliability suite, seed ${SEED} (rerun with RELIABILITY_SEED=${SEED})\n`);
  },
  afterAll(): void {
    process.stdout.write(`\n${table()}\n\n`);
  },
};
