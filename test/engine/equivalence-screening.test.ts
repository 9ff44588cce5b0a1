/**
 * Screening through equivalences (MRA-ETR), on a real store: a report against the exporting
 * economy's regulation is in scope for the importing economy's equivalent one while an
 * equivalence is in force on its test date; a partial equivalence needs its additional tests, and
 * a report without them is refused with a reason naming them. The facts say which equivalence.
 */
import { expect } from 'chai';
import { failure } from '../helpers/failure.js';
import { certificateBody, equivalenceInForce, recognizedBody } from '../helpers/phase-two.js';
import { World, daysFrom } from '../helpers/world.js';

const reasonsOf = (data: Record<string, unknown>) => data['reasons'] as Array<{ code: string; detail: string }>;
const IMMUNITY = 'Radiated immunity 80 MHz – 6 GHz';

describe('screening through equivalences', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  async function creationFacts(kind: 'test-reports' | 'certificates', id: string): Promise<Record<string, unknown>> {
    return (await world.engine.history(kind, id, world.as('admin'))).items[0]!.facts!;
  }

  it('a report against a QCVN goes under review for KN 301 489 when a full equivalence is in force on its test date', async () => {
    const { lab } = await world.recognizedLab();
    const equivalence = await equivalenceInForce(world, { requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' });
    world.advanceDays(3);
    const report = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'] });
    expect(report.state).to.equal('under_review');
    expect(report.data['equivalentRegulations']).to.deep.equal(['KR:KN 301 489']);
    // The judgement reaches the machine beside the facts, and stays out of the record.
    expect(report.data).to.not.have.property('counterparts');
    expect((await creationFacts('test-reports', report.id))['equivalence']).to.deep.equal({
      matches: [{ requirement: 'VN:QCVN 54:2020/BTTTT', equivalenceId: equivalence.id, counterpart: 'KR:KN 301 489', missingTests: [] }],
    });
  });

  it('a partial equivalence: a report without the additional test is refused naming it; one with it goes under review', async () => {
    const { lab } = await world.recognizedLab();
    const equivalence = await equivalenceInForce(world, {
      requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' },
      counterpart: 'KR:KN 301 489',
      differences: [{ test: IMMUNITY, description: 'Korea tests radiated immunity up to 6 GHz.' }],
    });
    world.advanceDays(3);
    const without = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'] });
    expect(without.state).to.equal('rejected');
    const [reason] = reasonsOf(without.data);
    expect(reason!.code).to.equal('ADDITIONAL_TESTS_MISSING');
    expect(reason!.detail).to.contain(IMMUNITY).and.to.contain(equivalence.id);
    expect((await creationFacts('test-reports', without.id))['equivalence']).to.deep.include({
      matches: [{ requirement: 'VN:QCVN 54:2020/BTTTT', equivalenceId: equivalence.id, counterpart: 'KR:KN 301 489', missingTests: [IMMUNITY] }],
    });
    const covered = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'], additionalTests: [IMMUNITY] });
    expect(covered.state).to.equal('under_review');
  });

  it('no equivalence in force on the test date: refused with NO_EQUIVALENCE_IN_FORCE, also when it came into force after the tests', async () => {
    const { lab } = await world.recognizedLab();
    world.advanceDays(10);
    const none = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'] });
    expect(reasonsOf(none.data).map((r) => r.code)).to.deep.equal(['NO_EQUIVALENCE_IN_FORCE']);
    await equivalenceInForce(world, { requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' });
    const testedBefore = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'], testedAt: daysFrom(world.clock.now().toISOString(), -5) });
    expect(reasonsOf(testedBefore.data).map((r) => r.code)).to.deep.equal(['NO_EQUIVALENCE_IN_FORCE']);
  });

  it('a withdrawn equivalence no longer counts for reports tested after its end', async () => {
    const { lab } = await world.recognizedLab();
    const equivalence = await equivalenceInForce(world, { requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' });
    world.advanceDays(2);
    const effectiveAt = daysFrom(world.clock.now().toISOString(), 10);
    await world.send('equivalences', equivalence.id, { type: 'GIVE_NOTICE', reason: 'Rút theo thư trao đổi.', effectiveAt }, 'kr-regulator');
    world.clock.set(effectiveAt);
    expect(await world.fireDue()).to.include('equivalences:NOTICE_EFFECTIVE');
    world.advanceDays(3);
    const after = await world.submit(lab, { regulations: ['VN:QCVN 54:2020/BTTTT'] });
    expect(reasonsOf(after.data).map((r) => r.code)).to.deep.equal(['NO_EQUIVALENCE_IN_FORCE']);
  });

  it('a reference scheme (IPv6 Ready Logo) counts through its equivalence like a regulation', async () => {
    const { lab } = await world.recognizedLab();
    const scheme = { scheme: 'IPv6 Ready Logo', document: 'Phase-2 Core Protocols', version: '5.0.0' };
    await equivalenceInForce(world, { requirement: { scheme }, counterpart: 'KR:KN 32' });
    world.advanceDays(2);
    const report = await world.submit(lab, { regulations: [], schemes: [scheme] });
    expect(report.state).to.equal('under_review');
    expect(report.data['equivalentRegulations']).to.deep.equal(['KR:KN 32']);
    const nothing = await failure(() => world.submit(lab, { regulations: [] }));
    expect(nothing.code).to.equal('VALIDATION_FAILED');
  });

  it('a certificate to the body’s own QCVN counts for the Korean regulation through the equivalence', async () => {
    const { body } = await recognizedBody(world);
    const equivalence = await equivalenceInForce(world, { requirement: { regulation: 'VN:QCVN 54:2020/BTTTT' }, counterpart: 'KR:KN 301 489' });
    world.advanceDays(1);
    const certificate = await world.engine.create('certificates', certificateBody(world, { regulations: ['VN:QCVN 54:2020/BTTTT'] }), body);
    expect(certificate.state).to.equal('review_window');
    expect(certificate.data['equivalentRegulations']).to.deep.equal(['KR:KN 301 489']);
    expect(certificate.data).to.not.have.property('counterparts');
    expect((await creationFacts('certificates', certificate.id))['equivalence']).to.deep.include({
      matches: [{ requirement: 'VN:QCVN 54:2020/BTTTT', equivalenceId: equivalence.id, counterpart: 'KR:KN 301 489', missingTests: [] }],
    });
  });
});
