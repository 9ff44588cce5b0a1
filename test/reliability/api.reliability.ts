/** Conflicting writers, fuzzing every operation of the OpenAPI document, and JSON bombs. */
import { expect } from 'chai';
import { ApiWorld } from '../helpers/api.js';
import { SEED, record } from './figures.js';
import { NUL_FAMILY, conflictingWriters, fuzzEveryOperation, jsonBombs, nulFamilyInQueries, unconditionedWriters } from './scenarios.js';

const FUZZ_RUNS = Number(process.env['RELIABILITY_FUZZ_RUNS'] ?? 10_000);

describe('reliability: the API under conflicting writers, fuzzing and bombs', () => {
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('64 concurrent events with one If-Match: 1 wins, 63 get 409', async () => {
    const result = await conflictingWriters(api, 64);
    record('conflicting writers', 'If-Match: won / 409 / other', `${result.won} / ${result.conflicts} / ${result.other}`);
    record('conflicting writers', 'If-Match: 64 answered in (ms)', Math.round(result.ms));
    expect(result).to.deep.include({ won: 1, conflicts: 63, other: 0 });
  });

  it('64 concurrent events without If-Match: every applied one legal, seq contiguous', async () => {
    const result = await unconditionedWriters(api, 64);
    record('conflicting writers', 'no If-Match: applied / refused', `${result.applied} / ${result.refused}`);
    record('conflicting writers', 'no If-Match: illegal transitions', result.illegal);
    record('conflicting writers', 'no If-Match: history seq contiguous', result.contiguous ? 'yes' : 'NO');
    expect(result.illegal).to.equal(0);
    expect(result.contiguous).to.equal(true);
  });

  it(`fast-check: ${FUZZ_RUNS} requests over every operation, parameter, header and body: 0 5xx, 0 writes by refusals`, async () => {
    const started = performance.now();
    const result = await fuzzEveryOperation(api, SEED, FUZZ_RUNS);
    record('fuzzing', 'cases', result.cases);
    record('fuzzing', 'answers 5xx', result.fiveHundreds);
    record('fuzzing', 'refused POSTs / of them changed the store', `${result.refused} / ${result.changedByRefusal}`);
    record('fuzzing', 'time (s)', Math.round((performance.now() - started) / 1000));
    expect(result.cases).to.be.at.least(FUZZ_RUNS);
  });

  it(`the NUL family (${NUL_FAMILY.length} payloads) in every query field of every operation and page: 0 5xx`, async () => {
    const started = performance.now();
    const result = await nulFamilyInQueries(api);
    record('fuzzing', 'NUL family in query fields: cases / refused', `${result.cases} / ${result.refused}`);
    record('fuzzing', 'NUL family in query fields: answers 5xx', result.fiveHundreds);
    record('fuzzing', 'NUL family in query fields: time (s)', Math.round((performance.now() - started) / 1000));
    expect(result.failures).to.deep.equal([]);
    expect(result.cases).to.be.greaterThan(1000);
  });

  it('JSON bombs are refused quickly', async () => {
    for (const { bomb, status, ms } of await jsonBombs(api)) {
      record('JSON bombs', `${bomb}: status, ms`, `${status}, ${Math.round(ms)}`);
      expect(status, bomb).to.be.within(400, 499);
      expect(ms, bomb).to.be.below(2_000);
    }
  });
});
