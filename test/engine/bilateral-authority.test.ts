/**
 * Each side keeps its own powers (docs/domain.md, "The arrangement"): every rule shown from the
 * side that may, and from the side that may not, which is refused with nothing written.
 */
import { expect } from 'chai';
import { failure } from '../helpers/failure.js';
import { KR_SCOPE, World, daysFrom } from '../helpers/world.js';

describe('bilateral authority', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  it('a recognition suspended by both sides is lifted by each only for itself, and is in force again when neither suspension remains', async () => {
    const { recognition } = await world.recognizedLab();
    await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Complaint under investigation.' }, 'kr-regulator');
    const before = await world.snapshot();
    const refused = await failure(() => world.send('recognitions', recognition.id, { type: 'LIFT_SUSPENSION' }, 'vn-designating-authority'));
    expect(refused.code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);

    const both = await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ chỉ định.' }, 'vn-designating-authority');
    expect(both.data['suspendedBy']).to.deep.equal({ importing: 'KR', designating: 'VN' });
    const oneLeft = await world.send('recognitions', recognition.id, { type: 'LIFT_SUSPENSION' }, 'kr-regulator');
    expect(oneLeft.state).to.equal('suspended');
    const lifted = await world.send('recognitions', recognition.id, { type: 'LIFT_SUSPENSION' }, 'vn-designating-authority');
    expect(lifted.state).to.equal('recognized');
  });

  it('an agreement suspended by Korea is resumed by Korea, not by Viet Nam', async () => {
    const agreement = await world.agreement();
    await world.send('agreements', agreement.id, { type: 'SUSPEND', reason: 'Review of the designation procedures.' }, 'kr-regulator');
    const before = await world.snapshot();
    expect((await failure(() => world.send('agreements', agreement.id, { type: 'RESUME' }, 'vn-regulator'))).code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);
    expect((await world.send('agreements', agreement.id, { type: 'RESUME' }, 'kr-regulator')).state).to.equal('operational');
  });

  it("a regulator changes its own side's scope only; narrowing it narrows the recognitions and rejects the pending reports that relied on the removed regulation", async () => {
    const { lab, agreement, recognition } = await world.recognizedLab();
    world.advanceDays(3);
    const report = await world.submit(lab, { regulations: ['KR:KN 35'] });
    const unaffected = await world.submit(lab, { regulations: ['KR:KN 32'] });
    const before = await world.snapshot();
    const others = await failure(() => world.send('agreements', agreement.id, { type: 'AMEND_SCOPE', regulations: ['VN:QCVN 54:2020/BTTTT'] }, 'kr-regulator'));
    expect(others.code).to.equal('UNKNOWN_REFERENCE');
    expect(others.detail).to.contain('is a regulation of VN, not of KR');
    expect(await world.snapshot()).to.deep.equal(before);

    const amended = await world.send('agreements', agreement.id, { type: 'AMEND_SCOPE', regulations: ['KR:KN 301 489', 'KR:KN 32'] }, 'kr-regulator');
    expect((amended.data['scope'] as Record<string, string[]>)['VN']).to.have.length(3);
    const narrowed = await world.engine.get('recognitions', recognition.id, world.as('admin'));
    expect(narrowed.state).to.equal('recognized');
    expect(narrowed.data['scope']).to.deep.equal(['KR:KN 301 489', 'KR:KN 32']);
    const rejected = await world.engine.get('test-reports', report.id, world.as('admin'));
    expect(rejected.state).to.equal('rejected');
    expect((rejected.data['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['SCOPE_REMOVED']);
    expect((await world.engine.get('test-reports', unaffected.id, world.as('admin'))).state).to.equal('under_review');
    expect((await world.mailOf('recognitions', recognition.id)).map((m) => m.event)).to.include('SCOPE_NARROWED');
  });

  it('a contest gives the CAB at least the answer period: the regulator may not suspend before it ends, the designating authority may not contest, and opposing leads to joint verification', async () => {
    const { recognition } = await world.recognizedLab();
    const start = world.clock.now().toISOString();
    const tooShort = await failure(() =>
      world.send('recognitions', recognition.id, { type: 'CONTEST', reasons: 'x', answerBy: daysFrom(start, 10) }, 'kr-regulator'),
    );
    expect(tooShort.code).to.equal('VALIDATION_FAILED');
    expect((await failure(() => world.send('recognitions', recognition.id, { type: 'CONTEST', reasons: 'x' }, 'vn-designating-authority'))).code).to.equal('FORBIDDEN');

    const contested = await world.send('recognitions', recognition.id, { type: 'CONTEST', reasons: 'Proficiency testing failed twice.' }, 'kr-regulator');
    expect(contested.state).to.equal('contested');
    expect(contested.deadlines.map((d) => d.type)).to.include('CONTEST_POSITION_DUE');
    await world.send('recognitions', recognition.id, { type: 'ANSWER_CONTEST', response: 'Đã hiệu chuẩn lại.' }, 'vn-designating-authority');
    const before = await world.snapshot();
    const early = await failure(() => world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Too early.' }, 'kr-regulator'));
    expect(early.code).to.equal('EVENT_NOT_ACCEPTED');
    expect(await world.snapshot()).to.deep.equal(before);

    world.advanceDays(31);
    const suspended = await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'Competence not shown.' }, 'kr-regulator');
    expect(suspended.state).to.equal('suspended');
    expect((await world.send('recognitions', recognition.id, { type: 'DERECOGNIZE', reason: 'Withdrawn after the contest.' }, 'kr-regulator')).state).to.equal('withdrawn');

    const other = await world.recognizedLab();
    await world.send('recognitions', other.recognition.id, { type: 'CONTEST', reasons: 'Doubt.' }, 'kr-regulator');
    const opposed = await world.send('recognitions', other.recognition.id, { type: 'OPPOSE_CONTEST', reason: 'Phòng thử nghiệm đủ năng lực.' }, 'vn-designating-authority');
    expect(opposed.state).to.equal('verification');
    expect((await world.send('recognitions', other.recognition.id, { type: 'CLOSE_CONTEST' }, 'kr-regulator')).state).to.equal('recognized');
  });

  it('a suspension of one regulation keeps the recognition in force for the others; screening treats that one as not covered', async () => {
    const { lab, recognition } = await world.recognizedLab();
    world.advanceDays(2);
    const outside = await failure(() =>
      world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'x', regulations: ['KR:KN 999'] }, 'kr-regulator'),
    );
    expect(outside.code).to.equal('VALIDATION_FAILED');
    const partly = await world.send('recognitions', recognition.id, { type: 'SUSPEND', reason: 'KN 32 under investigation.', regulations: ['KR:KN 32'] }, 'kr-regulator');
    expect(partly.state).to.equal('recognized');
    world.advanceDays(3);
    const suspendedOne = await world.submit(lab, { regulations: ['KR:KN 32'] });
    expect(suspendedOne.state).to.equal('rejected');
    expect((suspendedOne.data['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['SCOPE_NOT_COVERED']);
    expect((await world.submit(lab, { regulations: [KR_SCOPE[0]!] })).state).to.equal('under_review');
  });

  it('notice of termination: only the side that gave it withdraws it; at the effective date the agreement ends and accepted reports stay accepted', async () => {
    const { lab, agreement, recognition } = await world.recognizedLab();
    world.advanceDays(3);
    const accepted = await world.submit(lab);
    await world.send('test-reports', accepted.id, { type: 'ACCEPT' }, 'kr-regulator');
    const notice = await world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'Thông báo chấm dứt.' }, 'vn-regulator');
    expect(notice.state).to.equal('terminating');
    const before = await world.snapshot();
    expect((await failure(() => world.send('agreements', agreement.id, { type: 'WITHDRAW_NOTICE' }, 'kr-regulator'))).code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);
    expect((await world.send('agreements', agreement.id, { type: 'WITHDRAW_NOTICE' }, 'vn-regulator')).state).to.equal('operational');

    const effectiveAt = daysFrom(world.clock.now().toISOString(), 30);
    await world.send('agreements', agreement.id, { type: 'GIVE_NOTICE', reason: 'Final notice.', effectiveAt }, 'kr-regulator');
    world.clock.set(effectiveAt);
    await world.fireDue();
    expect((await world.engine.get('agreements', agreement.id, world.as('admin'))).state).to.equal('terminated');
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('withdrawn');
    expect((await world.engine.get('test-reports', accepted.id, world.as('admin'))).state).to.equal('accepted');
  });

  it('a request for information that said close ends in a rejection when unanswered; a lapsed accreditation re-accredited restores the recognition', async () => {
    const { lab, accreditation, recognition } = await world.recognizedLab();
    world.advanceDays(3);
    const report = await world.submit(lab);
    await world.send('test-reports', report.id, { type: 'REQUEST_INFO', request: 'Ảnh chụp bố trí thử nghiệm?', onNoAnswer: 'close' }, 'kr-regulator');
    world.advanceDays(40);
    await world.fireDue();
    const closed = await world.engine.get('test-reports', report.id, world.as('admin'));
    expect(closed.state).to.equal('rejected');
    expect((closed.data['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['INFO_NOT_PROVIDED']);

    world.clock.set(accreditation.data['validUntil'] as string);
    await world.fireDue();
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('lapsed');
    const body = { type: 'REACCREDIT', validUntil: daysFrom(world.clock.now().toISOString(), 700) };
    const before = await world.snapshot();
    expect((await failure(() => world.engine.send('accreditations', accreditation.id, body, lab))).code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);
    expect((await world.send('accreditations', accreditation.id, body, 'vn-accreditation-body')).state).to.equal('active');
    expect((await world.engine.get('recognitions', recognition.id, world.as('admin'))).state).to.equal('recognized');
  });
});
