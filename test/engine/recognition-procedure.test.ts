/**
 * The recognition's procedure as the texts have it (docs/domain.md, "Recognition"): a contest
 * opposed by the designating authority goes to joint verification, which only its agreed outcome
 * ends (21 CFR 26.68); a renewal pending beside the listing leaves no hole in time; losing the
 * accreditation lapses a recognition whatever its standing; and every exchange with the importing
 * regulator goes through the designating authority.
 */
import { expect } from 'chai';
import type { Actor } from '../../src/kinds/types.js';
import type { Resource } from '../../src/engine/resource.js';
import { cabStanding } from '../../src/public/records.js';
import { failure } from '../helpers/failure.js';
import { World, daysFrom } from '../helpers/world.js';

const REC = 'recognitions';

describe('recognition procedure (version 3)', () => {
  let world: World;
  beforeEach(async () => (world = await World.create()));
  afterEach(async () => world.close());

  const now = () => world.clock.now().toISOString();
  const read = async (id: string) => world.engine.get(REC, id, world.as('admin'));

  async function underVerification(): Promise<{ lab: Actor; recognition: Resource; accreditation: Resource }> {
    const { lab, recognition, accreditation } = await world.recognizedLab();
    await world.send(REC, recognition.id, { type: 'CONTEST', reasons: 'Proficiency testing failed twice.' }, 'kr-regulator');
    const opposed = await world.send(REC, recognition.id, { type: 'OPPOSE_CONTEST', reason: 'Phòng thử nghiệm đã khắc phục.' }, 'vn-designating-authority');
    expect(opposed.state).to.equal('verification');
    return { lab, recognition: opposed, accreditation };
  }

  /** A recognition listed until `days` from now, with a renewal applied for. */
  async function renewing(days: number): Promise<Resource> {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const application = await world.recognition(agreement.id, lab.cabId!, { recognize: false });
    await world.send(REC, application.id, { type: 'RECOGNIZE', validUntil: daysFrom(now(), days) }, 'kr-regulator');
    const renewal = await world.send(REC, application.id, { type: 'RENEW', comment: 'Đề nghị gia hạn.' }, 'vn-designating-authority');
    expect(renewal.state).to.equal('recognized');
    expect(renewal.data['renewal']).to.deep.include({ since: now() });
    return renewal;
  }

  it('21 CFR 26.68(d): an opposed contest goes to joint verification; the regulator\'s SUSPEND and DERECOGNIZE are refused until it ends', async () => {
    const { recognition } = await underVerification();
    world.advanceDays(90);
    for (const body of [
      { type: 'SUSPEND', reason: 'Competence not shown.' },
      { type: 'DERECOGNIZE', reason: 'Competence not shown.' },
    ]) {
      const before = await world.snapshot();
      const refused = await failure(() => world.send(REC, recognition.id, body, 'kr-regulator'));
      expect(refused.code, body.type).to.equal('EVENT_NOT_ACCEPTED');
      expect((refused.publicFields['reasons'] as Array<{ code: string }>).map((r) => r.code)).to.deep.equal(['JOINT_VERIFICATION_PENDING']);
      expect(refused.detail).to.contain('21 CFR 26.68(d)');
      expect(await world.snapshot(), `${body.type} writes nothing`).to.deep.equal(before);
    }
    const resource = await read(recognition.id);
    expect(resource.state).to.equal('verification');
    expect(resource.nextEvents).to.not.include('DERECOGNIZE');
  });

  it('21 CFR 26.68(d): the designating authority keeps its own power to suspend and withdraw its designation under joint verification', async () => {
    const { recognition } = await underVerification();
    const suspended = await world.send(REC, recognition.id, { type: 'SUSPEND', reason: 'Tạm đình chỉ chỉ định.' }, 'vn-designating-authority');
    expect(suspended.state).to.equal('suspended');
    expect((await failure(() => world.send(REC, recognition.id, { type: 'DERECOGNIZE', reason: 'x' }, 'kr-regulator'))).code).to.equal('EVENT_NOT_ACCEPTED');
    const back = await world.send(REC, recognition.id, { type: 'LIFT_SUSPENSION' }, 'vn-designating-authority');
    expect(back.state, 'back under joint verification').to.equal('verification');
    expect((await world.send(REC, recognition.id, { type: 'WITHDRAW', reason: 'Rút chỉ định.' }, 'vn-designating-authority')).state).to.equal('withdrawn');
  });

  it('21 CFR 26.68(d): the joint verification\'s outcome, recorded by one side and agreed by the other, maintains the recognition', async () => {
    const { recognition } = await underVerification();
    const outcome = { type: 'RECORD_VERIFICATION_OUTCOME', outcome: 'maintained', basis: 'joint_verification', reference: 'JV-2026-07', summary: 'The joint visit found the method corrected.' };
    const recorded = await world.send(REC, recognition.id, outcome, 'kr-regulator');
    expect(recorded.state).to.equal('verification');
    expect((await failure(() => world.send(REC, recognition.id, { type: 'AGREE_VERIFICATION_OUTCOME' }, 'kr-regulator'))).code, 'not by the side that recorded it').to.equal('EVENT_NOT_ACCEPTED');
    const disagreed = await world.send(REC, recognition.id, { type: 'DISAGREE_VERIFICATION_OUTCOME', reason: 'Chưa thẩm tra phòng đo RF.' }, 'vn-designating-authority');
    expect(disagreed.state, 'a disagreement keeps the verification going').to.equal('verification');
    await world.send(REC, recognition.id, outcome, 'kr-regulator');
    const agreed = await world.send(REC, recognition.id, { type: 'AGREE_VERIFICATION_OUTCOME', comment: 'Đồng ý.' }, 'vn-designating-authority');
    expect(agreed.state).to.equal('recognized');
    expect(agreed.data['contest']).to.deep.include({ outcome: 'closed' });
    expect((agreed.data['contest'] as { agreedOutcome: Record<string, unknown> }).agreedOutcome).to.include({ outcome: 'maintained', basis: 'joint_verification', reference: 'JV-2026-07', side: 'importing' });
  });

  it("21 CFR 26.68(d): the joint committee's decision to withdraw, recorded by one side and agreed by the other, withdraws the recognition", async () => {
    const { recognition } = await underVerification();
    await world.send(
      REC,
      recognition.id,
      { type: 'RECORD_VERIFICATION_OUTCOME', outcome: 'withdrawn', basis: 'joint_committee', reference: 'JC-2026-03', summary: 'Ủy ban hỗn hợp quyết định hủy bỏ hiệu lực thừa nhận.' },
      'vn-designating-authority',
    );
    const agreed = await world.send(REC, recognition.id, { type: 'AGREE_VERIFICATION_OUTCOME' }, 'kr-regulator');
    expect(agreed.state).to.equal('withdrawn');
    expect(agreed.data['contest']).to.deep.include({ outcome: 'withdrawn' });
    expect((agreed.data['inForce'] as Array<{ to?: string }>).at(-1)?.to).to.equal(now());
  });

  it('FCC (through the DA): PROVIDE_INFO and ANSWER_CONTEST from the CAB itself are refused; the designating authority sends them and the CAB is told', async () => {
    const agreement = await world.agreement();
    const lab = await world.addLab();
    await world.accreditation(lab.cabId!);
    const application = await world.recognition(agreement.id, lab.cabId!, { recognize: false });
    await world.send(REC, application.id, { type: 'REQUEST_INFO', request: 'PT results?' }, 'kr-regulator');
    const before = await world.snapshot();
    expect((await failure(() => world.engine.send(REC, application.id, { type: 'PROVIDE_INFO', response: 'Attached.' }, lab))).code).to.equal('FORBIDDEN');
    expect(await world.snapshot()).to.deep.equal(before);
    const answered = await world.send(REC, application.id, { type: 'PROVIDE_INFO', response: 'Đã gửi kèm.' }, 'vn-designating-authority');
    expect(answered.state).to.equal('pending');
    expect((await world.mailOf(REC, application.id, answered.version)).map((m) => m.address), 'the CAB is told').to.include(`${lab.cabId}@lab.example`);

    const recognized = await world.send(REC, application.id, { type: 'RECOGNIZE' }, 'kr-regulator');
    await world.send(REC, recognized.id, { type: 'CONTEST', reasons: 'Doubt.' }, 'kr-regulator');
    expect((await failure(() => world.engine.send(REC, application.id, { type: 'ANSWER_CONTEST', response: 'We disagree.' }, lab))).code).to.equal('FORBIDDEN');
  });

  it('no hole in time: a listing whose renewal is pending still expires at its end, and the renewal waits as a pending application; RECOGNIZE then opens a new period in force', async () => {
    const recognition = await renewing(30);
    const validUntil = recognition.data['validUntil'] as string;
    expect(recognition.deadlines.map((d) => d.type)).to.include.members(['LISTING_EXPIRED', 'REVIEW_OVERDUE']);
    world.clock.set(validUntil);
    await world.fireDue();
    const ended = await read(recognition.id);
    expect(ended.state).to.equal('pending');
    expect((ended.data['inForce'] as Array<{ to?: string }>).at(-1)?.to).to.equal(validUntil);
    expect(ended.data['renewal']).to.not.equal(undefined);
    world.advanceDays(5);
    const renewed = await world.send(REC, recognition.id, { type: 'RECOGNIZE' }, 'kr-regulator');
    expect(renewed.state).to.equal('recognized');
    expect((renewed.data['inForce'] as Array<{ from: string; to?: string }>).at(-1)).to.deep.equal({ from: now() });
  });

  it('no hole in time: the public sees a listing whose renewal outlived it as expired, not in force, and one whose renewal is pending beside it as recognized', async () => {
    const beside = await renewing(200);
    const besideCab = beside.data['cabId'] as string;
    expect((await cabStanding(world.engine, world.store, besideCab, 'KR')).recognitions[0]).to.include({ status: 'recognized', inForce: true });
    const outlived = await renewing(30);
    world.clock.set(outlived.data['validUntil'] as string);
    await world.fireDue();
    expect((await read(outlived.id)).state).to.equal('pending');
    const standing = await cabStanding(world.engine, world.store, outlived.data['cabId'] as string, 'KR');
    expect(standing.recognitions[0]).to.include({ status: 'expired', inForce: false });
  });

  it('no hole in time: while a renewal is pending the listing may be suspended, contested or withdrawn', async () => {
    const suspended = await renewing(200);
    expect((await world.send(REC, suspended.id, { type: 'SUSPEND', reason: 'Complaint.' }, 'kr-regulator')).state).to.equal('suspended');
    const contested = await renewing(200);
    expect((await world.send(REC, contested.id, { type: 'CONTEST', reasons: 'Doubt.' }, 'kr-regulator')).state).to.equal('contested');
    const withdrawn = await renewing(200);
    const ended = await world.send(REC, withdrawn.id, { type: 'WITHDRAW', reason: 'Rút chỉ định.' }, 'vn-designating-authority');
    expect(ended.state).to.equal('withdrawn');
    expect(ended.deadlines).to.deep.equal([]);
  });

  it('no hole in time: a renewal granted extends the listing, and its expiry deadline moves to the new end', async () => {
    const recognition = await renewing(60);
    const until = daysFrom(now(), 3 * 365);
    const renewed = await world.send(REC, recognition.id, { type: 'RECOGNIZE', validUntil: until }, 'kr-regulator');
    expect(renewed.state).to.equal('recognized');
    expect(renewed.data['renewal']).to.equal(undefined);
    const expiry = renewed.deadlines.filter((d) => d.type === 'LISTING_EXPIRED');
    expect(expiry.map((d) => d.dueAt)).to.deep.equal([until]);
    expect(renewed.deadlines.map((d) => d.type)).to.not.include('REVIEW_OVERDUE');
  });

  it('no hole in time: an objection to a renewal keeps the listing in force until its end', async () => {
    const recognition = await renewing(60);
    const validUntil = recognition.data['validUntil'] as string;
    const refused = await world.send(REC, recognition.id, { type: 'OBJECT', reason: 'Hồ sơ gia hạn chưa đầy đủ.' }, 'kr-regulator');
    expect(refused.state).to.equal('recognized');
    expect(refused.data['renewal']).to.equal(undefined);
    expect((refused.data['inForce'] as Array<{ to?: string }>).at(-1)?.to).to.equal(undefined);
    world.clock.set(validUntil);
    await world.fireDue();
    const ended = await read(recognition.id);
    expect(ended.state).to.equal('expired');
    expect((ended.data['inForce'] as Array<{ to?: string }>).at(-1)?.to).to.equal(validUntil);
  });

  it('no hole in time: a request for information on a renewal keeps the listing, is answered by the designating authority, and has its own reminder and deadline', async () => {
    const recognition = await renewing(200);
    const asked = await world.send(REC, recognition.id, { type: 'REQUEST_INFO', request: 'Updated PT results?' }, 'kr-regulator');
    expect(asked.state).to.equal('recognized');
    expect(asked.deadlines.map((d) => d.type)).to.include.members(['INFO_REMINDER', 'INFO_OVERDUE', 'REVIEW_OVERDUE', 'LISTING_EXPIRED']);
    const answered = await world.send(REC, recognition.id, { type: 'PROVIDE_INFO', response: 'Đã gửi kết quả mới.' }, 'vn-designating-authority');
    expect(answered.state).to.equal('recognized');
    expect(answered.deadlines.map((d) => d.type)).to.not.include.members(['INFO_REMINDER', 'INFO_OVERDUE']);
  });

  it('accreditation loss lapses suspended, contested and verification recognitions too, keeping what was recorded; restoring it brings each back', async () => {
    const suspended = await world.recognizedLab();
    await world.send(REC, suspended.recognition.id, { type: 'SUSPEND', reason: 'Complaint.' }, 'kr-regulator');
    const contested = await world.recognizedLab();
    await world.send(REC, contested.recognition.id, { type: 'CONTEST', reasons: 'Doubt.' }, 'kr-regulator');
    const verifying = await underVerification();
    const cases = [
      { ...suspended, back: 'suspended' },
      { ...contested, back: 'contested' },
      { ...verifying, back: 'verification' },
    ];
    for (const c of cases) {
      const standing = (await read(c.recognition.id)).data;
      await world.send('accreditations', c.accreditation.id, { type: 'SUSPEND', reason: 'Đánh giá giám sát không đạt.' }, 'vn-accreditation-body');
      const lapsed = await read(c.recognition.id);
      expect(lapsed.state, c.back).to.equal('lapsed');
      expect(lapsed.data['suspensions'], c.back).to.deep.equal(standing['suspensions']);
      expect(lapsed.data['contest'], c.back).to.deep.equal(standing['contest']);
    }
    for (const c of cases) {
      await world.send('accreditations', c.accreditation.id, { type: 'REINSTATE', checkedOn: world.clock.now().toISOString(), checkReference: 'On-site check 2026/07' }, 'vn-accreditation-body');
      expect((await read(c.recognition.id)).state, c.back).to.equal(c.back);
    }
  });
});
