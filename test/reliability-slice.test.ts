/**
 * A small slice of `npm run test:reliability`, so the suite's scenarios run with every `npm test`
 * and cannot rot: fewer writers and fuzz cases, one crash round, the authorisation table on one
 * test report and the references of one field, the same code. (The full and read-only store: test/store/store-unavailable.test.ts;
 * backup and restore: test/store/backup.test.ts.)
 */
import { expect } from 'chai';
import { ApiWorld } from './helpers/api.js';
import { conflictingWriters, fuzzEveryOperation, nulFamilyInQueries, unconditionedWriters } from './reliability/scenarios.js';
import { authorizationTable, referenceTable } from './reliability/authorization.js';
import { crashRounds } from './reliability/crash.js';

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

  it('NUL, an overlong NUL, a C1 control, a lone surrogate and a bidi control in every query field of every operation and page: no 5xx', async () => {
    const result = await nulFamilyInQueries(api, ['%00%00%00', '%C0%80', 'abc%C2%85', '%ED%A0%80', 'abc%E2%80%AE']);
    expect(result.failures).to.deep.equal([]);
    expect(result.cases).to.be.greaterThan(200);
  });

  it('every principal × every event on one test report: no forbidden event accepted, invisible to outsiders', async () => {
    const result = await authorizationTable(api, { only: 'test-reports' });
    expect(result.forbiddenSent).to.be.greaterThan(100);
    expect(result).to.include({ accepted: 0, invalid: 0, storeChanged: false, outsiderSeen: 0 });
  });

  it('every principal naming every test report in a certificate: one it may not read answers as an unknown id and writes nothing', async () => {
    const result = await referenceTable(api, { only: 'certificates.testReports' });
    expect(result.hiddenSent).to.be.greaterThan(10);
    expect(result).to.deep.include({ told: 0, changed: 0, readableRefused: 0, failed: 0, created: { 'certificates.testReports': 1 } });
  });

  it('one kill -9 of the service under load: every acknowledged write kept, deadlines fire once, the dispatcher resumes', async () => {
    const result = await crashRounds(20261201, 1, 3);
    expect(result).to.include({ missing: 0, firedTwice: 0, dueLeft: 0, unsent: 0 });
    expect(result.acknowledged).to.be.greaterThan(3);
  });
});
