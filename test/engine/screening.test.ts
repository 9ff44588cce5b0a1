/**
 * A submitted test report is screened on its test date (docs/domain.md, "Test report"): the engine gathers the facts,
 * the machine decides, and both the facts and the decision are kept in the history.
 */
import { expect } from 'chai';
import { failure } from '../helpers/failure.js';
import { recognizedBody } from '../helpers/phase-two.js';
import { World, daysFrom } from '../helpers/world.js';

const codes = (data: Record<string, unknown>) => (data['reasons'] as Array<{ code: string }>).map((r) => r.code);

describe('test-report screening through the engine', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  it('when the lab was recognised on the test date, the report goes to under_review and the history keeps the facts', async () => {
    const { lab, recognition } = await world.recognizedLab();
    world.advanceDays(10);
    const report = await world.submit(lab);
    expect(report.state).to.equal('under_review');
    expect(codes(report.data)).to.deep.equal([]);
    const [created] = (await world.engine.history('test-reports', report.id, lab)).items;
    expect(created).to.include({ type: 'CREATE', from: null, to: 'under_review' });
    expect(created!.actor.id).to.equal(lab.id);
    expect(created!.facts).to.deep.include({ uncoveredRegulations: [], accreditationActive: true });
    expect(created!.facts!['recognitions']).to.deep.equal([
      { id: recognition.id, state: 'recognized', designationNumber: recognition.data['designationNumber'], inForceOnTestDate: true, scope: recognition.data['scope'] },
    ]);
    expect(report.data['cabId']).to.equal(lab.cabId);
  });

  it('when the lab was not recognised on the test date, the report is rejected with LAB_NOT_RECOGNIZED and the facts say why', async () => {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    await world.recognition(agreement.id, lab.cabId!, { recognize: false });
    const report = await world.submit(lab);
    expect(report.state).to.equal('rejected');
    expect(codes(report.data)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
    const [created] = (await world.engine.history('test-reports', report.id, lab)).items;
    expect(created).to.include({ to: 'rejected' });
    expect(created!.facts!['recognitions']).to.have.length(1);
    expect((created!.facts!['recognitions'] as Array<{ state: string; inForceOnTestDate: boolean }>)[0]).to.include({
      state: 'pending',
      inForceOnTestDate: false,
    });
    expect((await world.mailOf('test-reports', report.id, 1)).map((m) => m.address)).to.include(`${lab.cabId}@lab.example`);
  });

  it('judges the test date, not the submission date: tested before the recognition is LAB_NOT_RECOGNIZED, after it is reviewed', async () => {
    const { lab, recognition } = await world.recognizedLab();
    const recognizedAt = (recognition.data['inForce'] as Array<{ from: string }>)[0]!.from;
    world.advanceDays(30);
    const before = await world.submit(lab, { testedAt: daysFrom(recognizedAt, -5), issuedAt: daysFrom(recognizedAt, -1) });
    const after = await world.submit(lab, { testedAt: daysFrom(recognizedAt, 1), issuedAt: daysFrom(recognizedAt, 2) });
    expect([before.state, after.state]).to.deep.equal(['rejected', 'under_review']);
    expect(codes(before.data)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
  });

  it('when the lab was suspended on the test date, the report is rejected; tested before the suspension, it waits on hold until the suspension is lifted', async () => {
    const { lab, recognition } = await world.recognizedLab();
    world.advanceDays(20);
    await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Khiếu nại đang được xem xét.' }, 'kr-regulator');
    world.advanceDays(5);
    const during = await world.submit(lab, { testedAt: daysFrom(world.clock.now().toISOString(), -2) });
    const earlier = await world.submit(lab, { testedAt: daysFrom(world.clock.now().toISOString(), -10), issuedAt: daysFrom(world.clock.now().toISOString(), -9) });
    expect(during.state).to.equal('rejected');
    expect(codes(during.data)).to.deep.equal(['LAB_NOT_RECOGNIZED']);
    expect(earlier.state).to.equal('on_hold');
    expect(earlier.data['heldBy']).to.equal(recognition.id);
    await world.send('recognitions', recognition.id, { type: 'LIFT_SUSPENSION' }, 'kr-regulator');
    expect((await world.engine.get('test-reports', earlier.id, world.as('admin'))).state).to.equal('under_review');
  });

  it('when a regulation is outside the recognised scope, the report is rejected with SCOPE_NOT_COVERED', async () => {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    await world.recognition(agreement.id, lab.cabId!, { scope: ['KR:KN 32'] });
    world.advanceDays(5);
    const report = await world.submit(lab, { regulations: ['KR:KN 32', 'KR:KN 35'] });
    expect(report.state).to.equal('rejected');
    expect(codes(report.data)).to.deep.equal(['SCOPE_NOT_COVERED']);
    expect((report.data['reasons'] as Array<{ detail: string }>)[0]!.detail).to.contain('KR:KN 35');
  });

  it('when the agreement is suspended, the report is rejected with AGREEMENT_NOT_OPERATIONAL', async () => {
    const { lab, agreement } = await world.recognizedLab();
    world.advanceDays(5);
    await world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Rà soát thỏa thuận.' }, 'kr-regulator');
    const report = await world.submit(lab);
    expect(codes(report.data)).to.deep.equal(['AGREEMENT_NOT_OPERATIONAL']);
  });

  it('when a subcontracted lab was not recognised, the report is rejected with SUBCONTRACTOR_NOT_RECOGNIZED', async () => {
    const { lab } = await world.recognizedLab();
    const subcontractor = await world.addLab();
    world.advanceDays(5);
    const report = await world.submit(lab, { subcontractors: [subcontractor.cabId] });
    expect(codes(report.data)).to.deep.equal(['SUBCONTRACTOR_NOT_RECOGNIZED']);
  });

  it("when the lab's accreditation was suspended on the test date, the reasons say so (and its recognition lapsed with it)", async () => {
    const { lab, accreditation } = await world.recognizedLab();
    world.advanceDays(5);
    await world.send('accreditations', accreditation.id, { type: 'SUSPEND', reason: 'Đánh giá giám sát không đạt.' }, 'vn-accreditation-body');
    world.advanceDays(3);
    const report = await world.submit(lab);
    expect(codes(report.data)).to.have.members(['LAB_NOT_RECOGNIZED', 'ACCREDITATION_NOT_ACTIVE']);
  });

  it('47 CFR 2.948 / ISO/IEC 17025: a report by a lab that held no ISO/IEC 17025 accreditation on the test date is rejected with ACCREDITATION_STANDARD_MISSING', async () => {
    // A certification body, accredited to ISO/IEC 17065 and recognised, later registered as a
    // testing laboratory: its accreditation is a certification one, not a testing one.
    const { body } = await recognizedBody(world);
    await world.store.putCab({ ...(await world.store.getCab(body.cabId!))!, type: 'lab' });
    world.advanceDays(5);
    const report = await world.submit(body);
    expect(report.state).to.equal('rejected');
    expect(codes(report.data)).to.deep.equal(['ACCREDITATION_STANDARD_MISSING']);
    expect((report.data['reasons'] as Array<{ detail: string }>)[0]!.detail).to.contain('ISO/IEC 17025');
    const [created] = (await world.engine.history('test-reports', report.id, body)).items;
    expect(created!.facts).to.deep.include({ accreditationActive: true, accreditation: { standard: 'ISO/IEC 17025', activeOnDate: [], uncoveredRegulations: ['KR:KN 301 489'] } });
  });

  it('ISO/IEC 17011 scope history: the accreditation is judged on the scope it had on the test date, not on a later reduction', async () => {
    const { lab, accreditation } = await world.recognizedLab();
    world.advanceDays(5);
    const testedBefore = daysFrom(world.clock.now().toISOString(), -1);
    await world.send('accreditations', accreditation.id, { type: 'REDUCE_SCOPE', regulations: ['KR:KN 301 489'], reason: 'Proficiency test failed.' }, 'vn-accreditation-body');
    world.advanceDays(1);
    const report = await world.submit(lab, { regulations: ['KR:KN 301 489'], testedAt: testedBefore, issuedAt: testedBefore });
    expect(codes(report.data)).not.to.include('ACCREDITATION_SCOPE_NOT_COVERED');
    const [created] = (await world.engine.history('test-reports', report.id, lab)).items;
    const facts = created!.facts as { accreditation: { uncoveredRegulations: string[] } };
    expect(facts.accreditation.uncoveredRegulations).to.deep.equal([]);
    const now = world.clock.now().toISOString();
    const after = await world.submit(lab, { regulations: ['KR:KN 301 489'], testedAt: now, issuedAt: now });
    expect(codes(after.data)).to.include('ACCREDITATION_SCOPE_NOT_COVERED');
  });

  it("47 CFR 2.948 / ISO/IEC 17025: a report against a regulation outside the lab's ISO/IEC 17025 scope is rejected with ACCREDITATION_SCOPE_NOT_COVERED", async () => {
    // Recognised for the three Korean regulations; its accreditation, renewed since, covers KN 32 only.
    const { lab, accreditation } = await world.recognizedLab();
    world.advanceDays(5);
    await world.send('accreditations', accreditation.id, { type: 'RENEWAL_SUBMITTED' }, lab.id);
    const validUntil = daysFrom(world.clock.now().toISOString(), 1000);
    await world.send('accreditations', accreditation.id, { type: 'RENEW', validUntil, scope: ['KR:KN 32'] }, 'vn-accreditation-body');
    world.advanceDays(3); // tested (two days before submission) after the scope was reduced
    const outside = await world.submit(lab, { regulations: ['KR:KN 301 489', 'KR:KN 32'] });
    // The reduction reached the recognition too (ISO/IEC 17011 scope change, cascade): both say so.
    expect(codes(outside.data)).to.have.members(['SCOPE_NOT_COVERED', 'ACCREDITATION_SCOPE_NOT_COVERED']);
    const accreditationReason = (outside.data['reasons'] as Array<{ code: string; detail: string }>).find((r) => r.code === 'ACCREDITATION_SCOPE_NOT_COVERED');
    expect(accreditationReason!.detail).to.match(/ISO\/IEC 17025 accreditation active on .* did not cover KR:KN 301 489\.$/);
    const inside = await world.submit(lab, { regulations: ['KR:KN 32'] });
    expect(inside.state).to.equal('under_review');
  });

  it('a regulation of neither economy is refused as UNKNOWN_REFERENCE, with nothing written', async () => {
    const { lab } = await world.recognizedLab();
    const before = await world.snapshot();
    const error = await failure(() => world.submit(lab, { regulations: ['US:47 CFR Part 15'] }));
    expect(error.code).to.equal('UNKNOWN_REFERENCE');
    expect(error.errors).to.deep.equal([{ pointer: '/regulations/0', message: '"US:47 CFR Part 15" is a regulation of US, not of KR or VN' }]);
    expect(await world.snapshot()).to.deep.equal(before);
  });

  it('a report issued before its tests, or in the future, is refused as VALIDATION_FAILED', async () => {
    const { lab } = await world.recognizedLab();
    const now = world.clock.now().toISOString();
    const backwards = await failure(() => world.submit(lab, { testedAt: daysFrom(now, -1), issuedAt: daysFrom(now, -3) }));
    expect(backwards.code).to.equal('VALIDATION_FAILED');
    expect(backwards.errors?.[0]?.pointer).to.equal('/issuedAt');
    const future = await failure(() => world.submit(lab, { testedAt: daysFrom(now, -1), issuedAt: daysFrom(now, 3) }));
    expect(future.code).to.equal('VALIDATION_FAILED');
  });
});

/**
 * A Korean lab designated at home and recognised by Viet Nam for one Vietnamese regulation, under
 * a KR–VN agreement (the VN accreditation body declared to serve KR, so it may accredit the lab).
 */
async function krLabRecognisedByVn(world: World, regulation: string) {
  const agreement = await world.agreement({ economies: ['KR', 'VN'], scope: { KR: ['KR:KN 32'], VN: [regulation] } });
  const lab = await world.addLab('KR');
  await world.store.putPrincipal({ ...(await world.store.getPrincipal('vn-accreditation-body'))!, serves: ['KR'] });
  await world.accreditation(lab.cabId!, { scope: [regulation] });
  await world.designation(agreement.id, lab.cabId!, { importingEconomy: 'VN', scope: [regulation] });
  const application = await world.engine.create(
    'recognitions',
    { agreementId: agreement.id, cabId: lab.cabId, importingEconomy: 'VN', scope: [regulation] },
    world.as('kr-designating-authority'),
  );
  await world.send('recognitions', application.id, { type: 'RECOGNIZE' }, 'vn-regulator');
  return lab;
}

describe('test-report screening: retired regulations', () => {
  let world: World;
  // VN:QCVN 86:2019/BTTTT is retired on 2026-01-01 in the seed; start the story before that.
  before(async () => (world = await World.create({ start: '2025-06-02T09:00:00.000Z' })));
  after(async () => world.close());

  it('a report against a version the importing regulator retired is rejected with REGULATION_RETIRED', async () => {
    const old = 'VN:QCVN 86:2019/BTTTT';
    const lab = await krLabRecognisedByVn(world, old);
    world.clock.set('2026-02-02T09:00:00.000Z');
    const report = await world.submit(lab, { importingEconomy: 'VN', regulations: [old], importerId: undefined });
    expect(report.state).to.equal('rejected');
    expect(codes(report.data)).to.deep.equal(['REGULATION_RETIRED']);
  });
});

describe('test-report screening: a replaced regulation version and its transition period', () => {
  let world: World;
  const old = 'VN:QCVN 86:2019/BTTTT';
  // The story starts before the replacement; the version is replaced on 2026-01-01 and reports
  // tested before then are taken until 2026-07-01.
  beforeEach(async () => {
    world = await World.create({ start: '2025-06-02T09:00:00.000Z' });
    const [regulation] = await world.store.getRegulations([old]);
    await world.store.putRegulation({ ...regulation!, retiredAt: '2026-01-01', acceptedUntil: '2026-07-01' });
  });
  afterEach(async () => world.close());

  /** A KR lab recognised by VN for the old version from the start of the story. */
  const labRecognisedForTheOldVersion = () => krLabRecognisedByVn(world, old);
  const against = (testedAt: string, issuedAt: string) => ({ importingEconomy: 'VN', regulations: [old], importerId: undefined, testedAt, issuedAt });

  it('Regulation versions: a report tested against a replaced version before it was replaced is taken until the transition period ends', async () => {
    const lab = await labRecognisedForTheOldVersion();
    world.clock.set('2026-02-02T09:00:00.000Z');
    const taken = await world.submit(lab, against('2025-12-15T09:00:00.000Z', '2025-12-20T09:00:00.000Z'));
    expect(taken.state, JSON.stringify(taken.data['reasons'])).to.equal('under_review');
    const [created] = (await world.engine.history('test-reports', taken.id, lab)).items;
    expect(created!.facts).to.deep.include({
      retiredRegulations: [],
      regulationsInTransition: [{ id: old, replacedAt: '2026-01-01', acceptedUntil: '2026-07-01' }],
    });
    world.clock.set('2026-07-01T00:00:00.000Z');
    const late = await world.submit(lab, against('2025-12-16T09:00:00.000Z', '2025-12-20T09:00:00.000Z'));
    expect(late.state).to.equal('rejected');
    expect(codes(late.data)).to.deep.equal(['REGULATION_RETIRED']);
  });

  it('Regulation versions: a report tested against a replaced version after it was replaced is refused, even within the transition period', async () => {
    const lab = await labRecognisedForTheOldVersion();
    world.clock.set('2026-02-02T09:00:00.000Z');
    const report = await world.submit(lab, against('2026-01-10T09:00:00.000Z', '2026-01-12T09:00:00.000Z'));
    expect(report.state).to.equal('rejected');
    expect(codes(report.data)).to.deep.equal(['REGULATION_RETIRED']);
    expect((report.data['reasons'] as Array<{ detail: string }>)[0]!.detail).to.contain(old);
  });

  it('Regulation versions: a replaced version without a transition period refuses every report submitted after the replacement', async () => {
    const lab = await labRecognisedForTheOldVersion();
    const [regulation] = await world.store.getRegulations([old]);
    const { acceptedUntil: _none, ...withoutTransition } = regulation!;
    await world.store.putRegulation(withoutTransition);
    world.clock.set('2026-02-02T09:00:00.000Z');
    const report = await world.submit(lab, against('2025-12-15T09:00:00.000Z', '2025-12-20T09:00:00.000Z'));
    expect(codes(report.data)).to.deep.equal(['REGULATION_RETIRED']);
  });
});
