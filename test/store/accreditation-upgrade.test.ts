/**
 * A store written by release 0.2.0 (test/fixtures/release-0.2.0-states.sqlite, see
 * test/fixtures/write-release-0.2.0-store.ts) opened by this code: its suspended accreditation
 * `acc-sai-gon`, stored by machine version 2, reads as version 3 with the cycle's new fields, and
 * is reinstated, like any other, only after the accreditation body's on-site check (ILAC FAQ 29).
 */
import { expect } from 'chai';
import { AppError } from '../../src/errors.js';
import { workflows } from '../../src/kinds/index.js';
import { SYSTEM_ACTOR } from '../../src/kinds/types.js';
import { addYears } from '../../src/kinds/accreditation/cycle.js';
import { openReleaseStore } from '../helpers/release-store.js';

/** When the fixtures were seeded (test/fixtures/write-release-0.2.0-store.ts); the suspension is a day later. */
const SEEDED_AT = '2026-01-05T09:00:00.000Z';
const day = (n: number) => new Date(Date.parse(SEEDED_AT) + n * 86_400_000).toISOString();

const open = openReleaseStore;

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(AppError);
  return error as AppError;
}

describe('upgrade: release-0.2.0-states.sqlite, an accreditation stored by machine version 2', () => {
  it('acc-sai-gon reads as version 3, still suspended, its scope history starting with its scope at validFrom', async () => {
    const { store, engine, close } = open('release-0.2.0-states.sqlite');
    try {
      const stored = (await store.load('accreditations', 'acc-sai-gon'))!;
      expect(stored.machineVersion).to.equal(2);
      const read = await engine.get('accreditations', 'acc-sai-gon', SYSTEM_ACTOR);
      expect(read.machineVersion).to.equal(workflows.accreditations.version).and.to.equal(3);
      expect(read.state).to.equal('suspended');
      const validFrom = stored.context['validFrom'] as string;
      expect(read.data).to.deep.include({
        cycleFrom: validFrom,
        scopeHistory: [{ from: validFrom, scopeChange: 'granted', scope: stored.context['scope'] }],
        visits: [],
        onSiteSince: validFrom,
        onSiteDue: addYears(validFrom, 2),
      });
    } finally {
      await close();
    }
  });

  it('ILAC FAQ 29 / ISO/IEC 17011: acc-sai-gon, suspended under release 0.2.0, is reinstated only with an on-site check made since its suspension', async () => {
    const { engine, as, close } = open('release-0.2.0-states.sqlite');
    try {
      const body = await as('vn-accreditation-body');
      const without = await refusal(engine.send('accreditations', 'acc-sai-gon', { type: 'REINSTATE' }, body));
      expect(without.code).to.equal('VALIDATION_FAILED');
      const before = await refusal(
        engine.send('accreditations', 'acc-sai-gon', { type: 'REINSTATE', checkedOn: day(0), checkReference: 'VILAS 902/ĐG-TC-01' }, body),
      );
      expect(before.code).to.equal('NOT_ELIGIBLE');
      expect(before.publicFields['reasons']).to.deep.equal([{ code: 'CHECK_BEFORE_SUSPENSION', detail: before.detail }]);
      expect((await engine.get('accreditations', 'acc-sai-gon', SYSTEM_ACTOR)).state, 'still suspended').to.equal('suspended');

      const reinstated = await engine.send('accreditations', 'acc-sai-gon', { type: 'REINSTATE', checkedOn: day(2), checkReference: 'VILAS 902/ĐG-TC-01' }, body);
      expect(reinstated.state).to.equal('active');
      expect(reinstated.machineVersion).to.equal(3);
      expect(reinstated.data['visits']).to.deep.equal([
        { visitedOn: day(2), visitKind: 'reinstatement', onSite: true, visitOutcome: 'conforming', reportReference: 'VILAS 902/ĐG-TC-01', recordedAt: day(2) },
      ]);
      expect(reinstated.data['onSiteDue']).to.equal(addYears(day(2), 2));
      expect(reinstated.deadlines.map((d) => d.type)).to.include('ON_SITE_VISIT_DUE');
    } finally {
      await close();
    }
  });
});
