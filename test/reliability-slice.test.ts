/**
 * A small slice of `npm run test:reliability`, so the suite's scenarios run with every `npm test`
 * and cannot rot: fewer writers and fuzz cases, the same code.
 */
import { expect } from 'chai';
import { ApiWorld } from './helpers/api.js';
import { conflictingWriters, fuzzEveryOperation, unconditionedWriters } from './reliability/scenarios.js';

describe('reliability, a slice', function () {
  this.timeout(120_000);
  let api: ApiWorld;
  before(async () => (api = await ApiWorld.create()));
  after(async () => api.close());

  it('8 concurrent events with one If-Match: 1 wins, 7 get 409', async () => {
    expect(await conflictingWriters(api, 8)).to.deep.include({ won: 1, conflicts: 7, other: 0 });
  });

  it('8 concurrent events without If-Match: legal and contiguous', async () => {
    expect(await unconditionedWriters(api, 8)).to.deep.include({ illegal: 0, contiguous: true });
  });

  it('100 fuzzed requests over every operation: no 5xx, no write by a refusal', async () => {
    const result = await fuzzEveryOperation(api, 20261201, 100);
    expect(result).to.deep.include({ cases: 100, fiveHundreds: 0, changedByRefusal: 0 });
  });
});
